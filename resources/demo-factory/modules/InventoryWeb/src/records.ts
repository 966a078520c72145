import { queryEntities, formatDate } from '@platform/runtime';
import { type StockOverview, type StockOverviewSummary, INVENTORY_WEB_ENTITY } from './types';

/** One line describing a Stock Overview, for logs and lists. */
export function describeStockOverview(value: StockOverview): string {
  return 'Stock Overview #' + value.id + ': ' + [value.sku, value.warehouse, String(value.quantity)].join(' | ');
}

/** Counts and labels a batch of Stock Overview records. */
export function summarizeStockOverviews(values: StockOverview[]): StockOverviewSummary {
  const labels = values.map((value) => describeStockOverview(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Stock Overview records, oldest first. */
export async function loadStockOverviews(filter?: Record<string, unknown>): Promise<StockOverview[]> {
  const rows = await queryEntities<StockOverview>(INVENTORY_WEB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
