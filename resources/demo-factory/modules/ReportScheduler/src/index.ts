import { log } from '@platform/runtime';
import { collectReportSchedulerContext } from './integrations';
import { summarizeReportSchedules, loadReportSchedules } from './records';

export { collectReportSchedulerContext } from './integrations';
export { fetchReportSchedule, pushReportSchedule } from './partner-client';
export { describeReportSchedule, summarizeReportSchedules, loadReportSchedules } from './records';
export { REPORT_SCHEDULER_ENTITY } from './types';
export type { ReportSchedule, ReportScheduleSummary } from './types';

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which ReportScheduler reports to the platform console. */
export const REPORT_SCHEDULER_MODULE = 'ReportScheduler';

/** A one-line health report of ReportScheduler: scheduled report mails. */
export async function reportSchedulerHealth(): Promise<string> {
  const records = await loadReportSchedules();
  const summary = summarizeReportSchedules(records);
  const parts: string[] = [REPORT_SCHEDULER_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectReportSchedulerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
