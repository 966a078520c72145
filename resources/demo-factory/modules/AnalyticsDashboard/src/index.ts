import { log } from '@platform/runtime';
import { loadMetricSamples } from '@modules/MetricsCollector';
import { summarizeReportDefinitions } from '@modules/ReportEngine';
import { summarizeDashboardTiles, loadDashboardTiles } from './records';

export { canEditDashboardTile, buildAnalyticsDashboardDashboard } from './dashboard';
export type { AnalyticsDashboardDashboard } from './dashboard';
export { describeDashboardTile, summarizeDashboardTiles, loadDashboardTiles } from './records';
export { ANALYTICS_DASHBOARD_ENTITY } from './types';
export type { DashboardTile, DashboardTileSummary } from './types';

/** Context lines AnalyticsDashboard gathers from the modules it builds on. */
export async function collectAnalyticsDashboardContext(): Promise<string[]> {
  const lines: string[] = [];
  const metricSampleList = await loadMetricSamples({ requestedBy: 'AnalyticsDashboard' });
  lines.push('MetricsCollector: ' + metricSampleList.length + ' records');
  lines.push(...metricSampleList.slice(0, 3).map((item) => String(item.recordedAt)));
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 15, title: 'title-14', period: 'period-15', rows: 17, generated: false }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which AnalyticsDashboard reports to the platform console. */
export const ANALYTICS_DASHBOARD_MODULE = 'AnalyticsDashboard';

/** A one-line health report of AnalyticsDashboard: the analytics dashboard. */
export async function analyticsDashboardHealth(): Promise<string> {
  const records = await loadDashboardTiles();
  const summary = summarizeDashboardTiles(records);
  const parts: string[] = [ANALYTICS_DASHBOARD_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectAnalyticsDashboardContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
