import { loadTrackedEvents } from '@modules/EventTracking';

/** Context lines MetricsCollector gathers from the modules it builds on. */
export async function collectMetricsCollectorContext(): Promise<string[]> {
  const lines: string[] = [];
  const trackedEventList = await loadTrackedEvents({ requestedBy: 'MetricsCollector' });
  lines.push('EventTracking: ' + trackedEventList.length + ' records');
  lines.push(...trackedEventList.slice(0, 3).map((item) => String(item.count)));
  return lines;
}
