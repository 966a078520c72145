import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadMetricSamples } from './records';
import { type MetricSample, METRICS_COLLECTOR_ENTITY } from './types';

/** Registers the periodic refresh of MetricsCollector. */
export function startMetricsCollectorJobs(): void {
  setTimer('MetricsCollector.refresh', 660000, async () => {
    const records = await loadMetricSamples();
    log('MetricsCollector: refreshed ' + records.length + ' Metric records');
  });
}

/** Stores a Metric; resolves to its id. */
export async function saveMetricSample(value: MetricSample): Promise<number> {
  const id = await saveEntity(METRICS_COLLECTOR_ENTITY, { ...value });
  log('MetricsCollector: saved Metric ' + id);
  return id;
}
