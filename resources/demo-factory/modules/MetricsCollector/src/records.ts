import { queryEntities, formatDate } from '@platform/runtime';
import { type MetricSample, type MetricSampleSummary, METRICS_COLLECTOR_ENTITY } from './types';

/** One line describing a Metric, for logs and lists. */
export function describeMetricSample(value: MetricSample): string {
  return 'Metric #' + value.id + ': ' + [value.name, value.source, String(value.count), formatDate(value.recordedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Metric records. */
export function summarizeMetricSamples(values: MetricSample[]): MetricSampleSummary {
  const labels = values.map((value) => describeMetricSample(value));
  return { count: values.length, labels };
}

/** Reads Metric records, oldest first. */
export async function loadMetricSamples(filter?: Record<string, unknown>): Promise<MetricSample[]> {
  const rows = await queryEntities<MetricSample>(METRICS_COLLECTOR_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
