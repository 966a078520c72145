import { queryEntities } from '@platform/runtime';
import { type ReportSchedule, type ReportScheduleSummary, REPORT_SCHEDULER_ENTITY } from './types';

/** One line describing a Report Schedule, for logs and lists. */
export function describeReportSchedule(value: ReportSchedule): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Report Schedule ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Report Schedule records. */
export function summarizeReportSchedules(values: ReportSchedule[]): ReportScheduleSummary {
  const labels = values.map((value) => describeReportSchedule(value));
  return { count: values.length, labels };
}

/** Reads Report Schedule records, oldest first. */
export async function loadReportSchedules(filter?: Record<string, unknown>): Promise<ReportSchedule[]> {
  const rows = await queryEntities<ReportSchedule>(REPORT_SCHEDULER_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
