import { queryEntities } from '@platform/runtime';
import { type StockValuation, type StockValuationSummary, INVENTORY_REPORTS_ENTITY } from './types';

/** One line describing a Stock Valuation, for logs and lists. */
export function describeStockValuation(value: StockValuation): string {
  return 'Stock Valuation #' + value.id + ': ' + [value.title, value.period, String(value.rows), (value.generated ? 'generated' : 'not generated')].join(' | ');
}

/** Counts and labels a batch of Stock Valuation records. */
export function summarizeStockValuations(values: StockValuation[]): StockValuationSummary {
  const labels = values.map((value) => describeStockValuation(value));
  return { count: values.length, labels };
}

/** Reads Stock Valuation records, oldest first. */
export async function loadStockValuations(filter?: Record<string, unknown>): Promise<StockValuation[]> {
  const rows = await queryEntities<StockValuation>(INVENTORY_REPORTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
