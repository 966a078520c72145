import { log } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';
import { describePaymentInstruction, summarizePaymentInstructions, loadPaymentInstructions } from './format';
import type { PaymentInstruction } from './types';

export { describePaymentInstruction, summarizePaymentInstructions, loadPaymentInstructions } from './format';
export { PAYMENT_MODEL_ENTITY } from './types';
export type { PaymentInstruction, PaymentInstructionSummary } from './types';

/** Orders Payment records by their description, then by id. */
export function comparePaymentInstructions(left: PaymentInstruction, right: PaymentInstruction): number {
  return describePaymentInstruction(left).localeCompare(describePaymentInstruction(right)) || left.id - right.id;
}

/** Indexes Payment records by id; the last one wins on duplicates. */
export function indexPaymentInstructionsById(values: PaymentInstruction[]): Map<number, PaymentInstruction> {
  const byId = new Map<number, PaymentInstruction>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines PaymentModel gathers from the modules it builds on. */
export async function collectPaymentModelContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'PaymentModel' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which PaymentModel reports to the platform console. */
export const PAYMENT_MODEL_MODULE = 'PaymentModel';

/** A one-line health report of PaymentModel: the payment model. */
export async function paymentModelHealth(): Promise<string> {
  const records = await loadPaymentInstructions();
  const summary = summarizePaymentInstructions(records);
  const parts: string[] = [PAYMENT_MODEL_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectPaymentModelContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
