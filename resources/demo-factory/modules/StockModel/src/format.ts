import { queryEntities } from '@platform/runtime';
import { type StockLevel, type StockLevelSummary, STOCK_MODEL_ENTITY } from './types';

/** One line describing a Stock Level, for logs and lists. */
export function describeStockLevel(value: StockLevel): string {
  const parts: string[] = [];
  parts.push(value.sku);
  parts.push(value.warehouse);
  parts.push(String(value.quantity));
  return 'Stock Level ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Stock Level records. */
export function summarizeStockLevels(values: StockLevel[]): StockLevelSummary {
  const labels = values.map((value) => describeStockLevel(value));
  return { count: values.length, labels };
}

/** Reads Stock Level records, oldest first. */
export async function loadStockLevels(filter?: Record<string, unknown>): Promise<StockLevel[]> {
  const rows = await queryEntities<StockLevel>(STOCK_MODEL_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
