import { queryEntities, formatDate } from '@platform/runtime';
import { type BillingStatement, type BillingStatementSummary, BILLING_PORTAL_ENTITY } from './types';

/** One line describing a Statement, for logs and lists. */
export function describeBillingStatement(value: BillingStatement): string {
  const parts: string[] = [];
  parts.push(value.invoiceNumber);
  parts.push(value.amount.toFixed(2));
  parts.push(formatDate(value.dueDate, 'yyyy-MM-dd'));
  parts.push((value.paid ? 'paid' : 'not paid'));
  return 'Statement ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Statement records. */
export function summarizeBillingStatements(values: BillingStatement[]): BillingStatementSummary {
  const labels = values.map((value) => describeBillingStatement(value));
  return { count: values.length, labels };
}

/** Reads Statement records, oldest first. */
export async function loadBillingStatements(filter?: Record<string, unknown>): Promise<BillingStatement[]> {
  const rows = await queryEntities<BillingStatement>(BILLING_PORTAL_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
