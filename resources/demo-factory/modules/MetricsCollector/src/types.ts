/** A Metric record as MetricsCollector stores it. */
export interface MetricSample {
  id: number;
  name: string;
  source: string;
  count: number;
  recordedAt: Date;
}

/** What MetricsCollector reports about a batch of Metric records. */
export interface MetricSampleSummary {
  count: number;
  labels: string[];
}

/** Entity under which MetricsCollector stores its records. */
export const METRICS_COLLECTOR_ENTITY = 'MetricsCollector.Metric';
