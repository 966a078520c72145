import { log } from '@platform/runtime';
import { collectMetricsCollectorContext } from './dependencies';
import { summarizeMetricSamples, loadMetricSamples } from './records';

export { collectMetricsCollectorContext } from './dependencies';
export { startMetricsCollectorJobs, saveMetricSample } from './jobs';
export { describeMetricSample, summarizeMetricSamples, loadMetricSamples } from './records';
export { METRICS_COLLECTOR_ENTITY } from './types';
export type { MetricSample, MetricSampleSummary } from './types';

/** Name under which MetricsCollector reports to the platform console. */
export const METRICS_COLLECTOR_MODULE = 'MetricsCollector';

/** A one-line health report of MetricsCollector: metric collection. */
export async function metricsCollectorHealth(): Promise<string> {
  const records = await loadMetricSamples();
  const summary = summarizeMetricSamples(records);
  const parts: string[] = [METRICS_COLLECTOR_MODULE, summary.count + ' records'];
  const context = await collectMetricsCollectorContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
