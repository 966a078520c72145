import { queryEntities, formatDate } from '@platform/runtime';
import { type OrderDraft, type OrderDraftSummary, ORDER_MODEL_ENTITY } from './types';

/** One line describing a Order, for logs and lists. */
export function describeOrderDraft(value: OrderDraft): string {
  const parts: string[] = [];
  parts.push(value.orderNumber);
  parts.push(String(value.customerId));
  parts.push(value.total.toFixed(2));
  parts.push(formatDate(value.placedAt, 'yyyy-MM-dd'));
  return 'Order ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Order records. */
export function summarizeOrderDrafts(values: OrderDraft[]): OrderDraftSummary {
  const labels = values.map((value) => describeOrderDraft(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Order records, oldest first. */
export async function loadOrderDrafts(filter?: Record<string, unknown>): Promise<OrderDraft[]> {
  const rows = await queryEntities<OrderDraft>(ORDER_MODEL_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
