import { queryEntities, formatDate } from '@platform/runtime';
import { type RefundRequest, type RefundRequestSummary, REFUNDS_ENTITY } from './types';

/** One line describing a Refund, for logs and lists. */
export function describeRefundRequest(value: RefundRequest): string {
  return 'Refund #' + value.id + ': ' + [value.reference, value.amount.toFixed(2), value.currency, (value.settled ? 'settled' : 'not settled')].join(' | ');
}

/** Counts and labels a batch of Refund records. */
export function summarizeRefundRequests(values: RefundRequest[]): RefundRequestSummary {
  const labels = values.map((value) => describeRefundRequest(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Refund records, oldest first. */
export async function loadRefundRequests(filter?: Record<string, unknown>): Promise<RefundRequest[]> {
  const rows = await queryEntities<RefundRequest>(REFUNDS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
