import { queryEntities, formatDate } from '@platform/runtime';
import { type ReturnRequest, type ReturnRequestSummary, ORDER_RETURNS_ENTITY } from './types';

/** One line describing a Return, for logs and lists. */
export function describeReturnRequest(value: ReturnRequest): string {
  return 'Return #' + value.id + ': ' + [value.orderNumber, String(value.customerId), value.total.toFixed(2), formatDate(value.placedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Return records. */
export function summarizeReturnRequests(values: ReturnRequest[]): ReturnRequestSummary {
  const labels = values.map((value) => describeReturnRequest(value));
  return { count: values.length, labels };
}

/** Reads Return records, oldest first. */
export async function loadReturnRequests(filter?: Record<string, unknown>): Promise<ReturnRequest[]> {
  const rows = await queryEntities<ReturnRequest>(ORDER_RETURNS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
