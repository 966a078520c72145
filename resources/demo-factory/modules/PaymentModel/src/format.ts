import { queryEntities } from '@platform/runtime';
import { type PaymentInstruction, type PaymentInstructionSummary, PAYMENT_MODEL_ENTITY } from './types';

/** One line describing a Payment, for logs and lists. */
export function describePaymentInstruction(value: PaymentInstruction): string {
  const parts: string[] = [];
  parts.push(value.reference);
  parts.push(value.amount.toFixed(2));
  parts.push(value.currency);
  parts.push((value.settled ? 'settled' : 'not settled'));
  return 'Payment ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Payment records. */
export function summarizePaymentInstructions(values: PaymentInstruction[]): PaymentInstructionSummary {
  const labels = values.map((value) => describePaymentInstruction(value));
  return { count: values.length, labels };
}

/** Reads Payment records, oldest first. */
export async function loadPaymentInstructions(filter?: Record<string, unknown>): Promise<PaymentInstruction[]> {
  const rows = await queryEntities<PaymentInstruction>(PAYMENT_MODEL_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
