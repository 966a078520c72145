import { queryEntities, formatDate } from '@platform/runtime';
import { type MobileOrder, type MobileOrderSummary, ORDER_MOBILE_ENTITY } from './types';

/** One line describing a Mobile Order, for logs and lists. */
export function describeMobileOrder(value: MobileOrder): string {
  const parts: string[] = [];
  parts.push(value.orderNumber);
  parts.push(String(value.customerId));
  parts.push(value.total.toFixed(2));
  parts.push(formatDate(value.placedAt, 'yyyy-MM-dd'));
  return 'Mobile Order ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Mobile Order records. */
export function summarizeMobileOrders(values: MobileOrder[]): MobileOrderSummary {
  const labels = values.map((value) => describeMobileOrder(value));
  return { count: values.length, labels };
}

/** Reads Mobile Order records, oldest first. */
export async function loadMobileOrders(filter?: Record<string, unknown>): Promise<MobileOrder[]> {
  const rows = await queryEntities<MobileOrder>(ORDER_MOBILE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
