import { queryEntities } from '@platform/runtime';
import { type PaymentReceipt, type PaymentReceiptSummary, PAYMENTS_WEB_ENTITY } from './types';

/** One line describing a Receipt, for logs and lists. */
export function describePaymentReceipt(value: PaymentReceipt): string {
  const parts: string[] = [];
  parts.push(value.reference);
  parts.push(value.amount.toFixed(2));
  parts.push(value.currency);
  parts.push((value.settled ? 'settled' : 'not settled'));
  return 'Receipt ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Receipt records. */
export function summarizePaymentReceipts(values: PaymentReceipt[]): PaymentReceiptSummary {
  const labels = values.map((value) => describePaymentReceipt(value));
  return { count: values.length, labels };
}

/** Reads Receipt records, oldest first. */
export async function loadPaymentReceipts(filter?: Record<string, unknown>): Promise<PaymentReceipt[]> {
  const rows = await queryEntities<PaymentReceipt>(PAYMENTS_WEB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
