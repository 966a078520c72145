import { queryEntities, formatDate } from '@platform/runtime';
import { type StockAlert, type StockAlertSummary, STOCK_ALERTS_ENTITY } from './types';

/** One line describing a Stock Alert, for logs and lists. */
export function describeStockAlert(value: StockAlert): string {
  return 'Stock Alert #' + value.id + ': ' + [value.recipient, value.subject, formatDate(value.sentAt, 'yyyy-MM-dd'), (value.delivered ? 'delivered' : 'not delivered')].join(' | ');
}

/** Counts and labels a batch of Stock Alert records. */
export function summarizeStockAlerts(values: StockAlert[]): StockAlertSummary {
  const labels = values.map((value) => describeStockAlert(value));
  return { count: values.length, labels };
}

/** Reads Stock Alert records, oldest first. */
export async function loadStockAlerts(filter?: Record<string, unknown>): Promise<StockAlert[]> {
  const rows = await queryEntities<StockAlert>(STOCK_ALERTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
