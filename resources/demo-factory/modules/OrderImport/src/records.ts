import { queryEntities, formatDate } from '@platform/runtime';
import { type EdiOrder, type EdiOrderSummary, ORDER_IMPORT_ENTITY } from './types';

/** One line describing a EDI Order, for logs and lists. */
export function describeEdiOrder(value: EdiOrder): string {
  return 'EDI Order #' + value.id + ': ' + [value.orderNumber, String(value.customerId), value.total.toFixed(2), formatDate(value.placedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of EDI Order records. */
export function summarizeEdiOrders(values: EdiOrder[]): EdiOrderSummary {
  const labels = values.map((value) => describeEdiOrder(value));
  return { count: values.length, labels };
}

/** Reads EDI Order records, oldest first. */
export async function loadEdiOrders(filter?: Record<string, unknown>): Promise<EdiOrder[]> {
  const rows = await queryEntities<EdiOrder>(ORDER_IMPORT_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
