import { queryEntities, formatDate } from '@platform/runtime';
import { type BillingRun, type BillingRunSummary, BILLING_SERVICE_ENTITY } from './types';

/** One line describing a Billing Run, for logs and lists. */
export function describeBillingRun(value: BillingRun): string {
  const parts: string[] = [];
  parts.push(value.invoiceNumber);
  parts.push(value.amount.toFixed(2));
  parts.push(formatDate(value.dueDate, 'yyyy-MM-dd'));
  parts.push((value.paid ? 'paid' : 'not paid'));
  return 'Billing Run ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Billing Run records. */
export function summarizeBillingRuns(values: BillingRun[]): BillingRunSummary {
  const labels = values.map((value) => describeBillingRun(value));
  return { count: values.length, labels };
}

/** Reads Billing Run records, oldest first. */
export async function loadBillingRuns(filter?: Record<string, unknown>): Promise<BillingRun[]> {
  const rows = await queryEntities<BillingRun>(BILLING_SERVICE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
