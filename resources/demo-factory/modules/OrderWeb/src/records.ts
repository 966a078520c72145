import { queryEntities, formatDate } from '@platform/runtime';
import { type OrderLineView, type OrderLineViewSummary, ORDER_WEB_ENTITY } from './types';

/** One line describing a Order Line, for logs and lists. */
export function describeOrderLineView(value: OrderLineView): string {
  const parts: string[] = [];
  parts.push(value.orderNumber);
  parts.push(String(value.customerId));
  parts.push(value.total.toFixed(2));
  parts.push(formatDate(value.placedAt, 'yyyy-MM-dd'));
  return 'Order Line ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Order Line records. */
export function summarizeOrderLineViews(values: OrderLineView[]): OrderLineViewSummary {
  const labels = values.map((value) => describeOrderLineView(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Order Line records, oldest first. */
export async function loadOrderLineViews(filter?: Record<string, unknown>): Promise<OrderLineView[]> {
  const rows = await queryEntities<OrderLineView>(ORDER_WEB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
