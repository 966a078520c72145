import { describeMetricSample, type MetricSample } from '@modules/MetricsCollector';

/** Context lines UsageExport gathers from the modules it builds on. */
export async function collectUsageExportContext(): Promise<string[]> {
  const lines: string[] = [];
  const metricSampleSample: MetricSample = { id: 10, name: 'name-9', source: 'source-10', count: 12, recordedAt: new Date(1701036800000) };
  lines.push(describeMetricSample(metricSampleSample));
  return lines;
}
