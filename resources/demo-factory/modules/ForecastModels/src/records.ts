import { queryEntities, formatDate } from '@platform/runtime';
import { type ForecastPoint, type ForecastPointSummary, FORECAST_MODELS_ENTITY } from './types';

/** One line describing a Forecast Point, for logs and lists. */
export function describeForecastPoint(value: ForecastPoint): string {
  return 'Forecast Point #' + value.id + ': ' + [value.name, value.source, String(value.count), formatDate(value.recordedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Forecast Point records. */
export function summarizeForecastPoints(values: ForecastPoint[]): ForecastPointSummary {
  const labels = values.map((value) => describeForecastPoint(value));
  return { count: values.length, labels };
}

/** Reads Forecast Point records, oldest first. */
export async function loadForecastPoints(filter?: Record<string, unknown>): Promise<ForecastPoint[]> {
  const rows = await queryEntities<ForecastPoint>(FORECAST_MODELS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
