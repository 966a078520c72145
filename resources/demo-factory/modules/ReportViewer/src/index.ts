import { log, formatDate, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';
import { describeReportDefinition, type ReportDefinition } from '@modules/ReportEngine';
import { describeReportPage, summarizeReportPages, loadReportPages } from './records';

export { describeReportPage, summarizeReportPages, loadReportPages } from './records';
export { REPORT_VIEWER_ENTITY } from './types';
export type { ReportPage, ReportPageSummary } from './types';

/** A dashboard as ReportViewer shows it. */
export interface ReportViewerDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Report Page records. */
export function canEditReportPage(user: CurrentUser): boolean {
  return user.roles.indexOf('ReportViewer.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the ReportViewer dashboard for the current user. */
export async function buildReportViewerDashboard(): Promise<ReportViewerDashboard> {
  const user = getCurrentUser();
  const records = await loadReportPages({ owner: user.id });
  return {
    title: 'Report Page dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeReportPage(record)),
    editable: canEditReportPage(user),
  };
}

/** Context lines ReportViewer gathers from the modules it builds on. */
export async function collectReportViewerContext(): Promise<string[]> {
  const lines: string[] = [];
  const reportDefinitionSample: ReportDefinition = { id: 10, title: 'title-9', period: 'period-10', rows: 12, generated: true };
  lines.push(describeReportDefinition(reportDefinitionSample));
  const appSettingList = await loadAppSettings({ requestedBy: 'ReportViewer' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which ReportViewer reports to the platform console. */
export const REPORT_VIEWER_MODULE = 'ReportViewer';

/** A one-line health report of ReportViewer: the report viewer. */
export async function reportViewerHealth(): Promise<string> {
  const records = await loadReportPages();
  const summary = summarizeReportPages(records);
  const parts: string[] = [REPORT_VIEWER_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectReportViewerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
