import { log, queryEntities, formatDate, getCurrentUser } from '@platform/runtime';
import { summarizeMetricSamples } from '@modules/MetricsCollector';
import { type KpiCard, type KpiCardSummary, ANALYTICS_MOBILE_ENTITY } from './types';

export { ANALYTICS_MOBILE_ENTITY } from './types';
export type { KpiCard, KpiCardSummary } from './types';

/** One line describing a KPI Card, for logs and lists. */
export function describeKpiCard(value: KpiCard): string {
  return 'KPI Card #' + value.id + ': ' + [value.title, value.period, String(value.rows), (value.generated ? 'generated' : 'not generated')].join(' | ');
}

/** Counts and labels a batch of KPI Card records. */
export function summarizeKpiCards(values: KpiCard[]): KpiCardSummary {
  const labels = values.map((value) => describeKpiCard(value));
  return { count: values.length, labels };
}

/** Reads KPI Card records, oldest first. */
export async function loadKpiCards(filter?: Record<string, unknown>): Promise<KpiCard[]> {
  const rows = await queryEntities<KpiCard>(ANALYTICS_MOBILE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

const cache = new Map<number, KpiCard>();
let lastSync = 0;

/** Downloads the user's KPI Card records for offline use; resolves to how many. */
export async function syncAnalyticsMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadKpiCards({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('AnalyticsMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedKpiCard(id: number): KpiCard | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function analyticsMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines AnalyticsMobile gathers from the modules it builds on. */
export async function collectAnalyticsMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const metricSampleSummary = summarizeMetricSamples([{ id: 9, name: 'name-8', source: 'source-9', count: 11, recordedAt: new Date(1700950400000) }]);
  lines.push(metricSampleSummary.count + ' from MetricsCollector: ' + metricSampleSummary.labels.join('; '));
  return lines;
}

/** Name under which AnalyticsMobile reports to the platform console. */
export const ANALYTICS_MOBILE_MODULE = 'AnalyticsMobile';

/** A one-line health report of AnalyticsMobile: KPIs on phones. */
export async function analyticsMobileHealth(): Promise<string> {
  const records = await loadKpiCards();
  const summary = summarizeKpiCards(records);
  const parts: string[] = [ANALYTICS_MOBILE_MODULE, summary.count + ' records'];
  const context = await collectAnalyticsMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
