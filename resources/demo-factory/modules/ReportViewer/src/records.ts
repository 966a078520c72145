import { queryEntities, formatDate } from '@platform/runtime';
import { type ReportPage, type ReportPageSummary, REPORT_VIEWER_ENTITY } from './types';

/** One line describing a Report Page, for logs and lists. */
export function describeReportPage(value: ReportPage): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.path);
  parts.push((value.published ? 'published' : 'not published'));
  return 'Report Page ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Report Page records. */
export function summarizeReportPages(values: ReportPage[]): ReportPageSummary {
  const labels = values.map((value) => describeReportPage(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Report Page records, oldest first. */
export async function loadReportPages(filter?: Record<string, unknown>): Promise<ReportPage[]> {
  const rows = await queryEntities<ReportPage>(REPORT_VIEWER_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
