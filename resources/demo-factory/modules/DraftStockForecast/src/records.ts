import { queryEntities } from '@platform/runtime';
import { type StockForecast, type StockForecastSummary, DRAFT_STOCK_FORECAST_ENTITY } from './types';

/** One line describing a Forecast, for logs and lists. */
export function describeStockForecast(value: StockForecast): string {
  return 'Forecast #' + value.id + ': ' + [value.title, value.period, String(value.rows), (value.generated ? 'generated' : 'not generated')].join(' | ');
}

/** Counts and labels a batch of Forecast records. */
export function summarizeStockForecasts(values: StockForecast[]): StockForecastSummary {
  const labels = values.map((value) => describeStockForecast(value));
  return { count: values.length, labels };
}

/** Reads Forecast records, oldest first. */
export async function loadStockForecasts(filter?: Record<string, unknown>): Promise<StockForecast[]> {
  const rows = await queryEntities<StockForecast>(DRAFT_STOCK_FORECAST_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
