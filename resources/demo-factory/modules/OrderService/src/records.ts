import { queryEntities, formatDate } from '@platform/runtime';
import { type SalesOrder, type SalesOrderSummary, ORDER_SERVICE_ENTITY } from './types';

/** One line describing a Sales Order, for logs and lists. */
export function describeSalesOrder(value: SalesOrder): string {
  return 'Sales Order #' + value.id + ': ' + [value.orderNumber, String(value.customerId), value.total.toFixed(2), formatDate(value.placedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Sales Order records. */
export function summarizeSalesOrders(values: SalesOrder[]): SalesOrderSummary {
  const labels = values.map((value) => describeSalesOrder(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Sales Order records, oldest first. */
export async function loadSalesOrders(filter?: Record<string, unknown>): Promise<SalesOrder[]> {
  const rows = await queryEntities<SalesOrder>(ORDER_SERVICE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
