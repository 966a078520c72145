import { queryEntities, formatDate } from '@platform/runtime';
import { type OrderNotice, type OrderNoticeSummary, ORDER_NOTIFICATIONS_ENTITY } from './types';

/** One line describing a Order Notice, for logs and lists. */
export function describeOrderNotice(value: OrderNotice): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'Order Notice ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Order Notice records. */
export function summarizeOrderNotices(values: OrderNotice[]): OrderNoticeSummary {
  const labels = values.map((value) => describeOrderNotice(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Order Notice records, oldest first. */
export async function loadOrderNotices(filter?: Record<string, unknown>): Promise<OrderNotice[]> {
  const rows = await queryEntities<OrderNotice>(ORDER_NOTIFICATIONS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
