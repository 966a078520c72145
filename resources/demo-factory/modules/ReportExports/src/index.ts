import { log } from '@platform/runtime';
import { summarizeReportDefinitions } from '@modules/ReportEngine';
import { summarizeExportJobs, loadExportJobs } from './records';

export { fetchExportJob, pushExportJob } from './partner-client';
export { describeExportJob, summarizeExportJobs, loadExportJobs } from './records';
export { REPORT_EXPORTS_ENTITY, REPORT_EXPORTS_MAX_BATCH } from './types';
export type { ExportJob, ExportJobSummary } from './types';

/** Context lines ReportExports gathers from the modules it builds on. */
export async function collectReportExportsContext(): Promise<string[]> {
  const lines: string[] = [];
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 6, title: 'title-5', period: 'period-6', rows: 8, generated: true }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which ReportExports reports to the platform console. */
export const REPORT_EXPORTS_MODULE = 'ReportExports';

/** A one-line health report of ReportExports: spreadsheet exports. */
export async function reportExportsHealth(): Promise<string> {
  const records = await loadExportJobs();
  const summary = summarizeExportJobs(records);
  const parts: string[] = [REPORT_EXPORTS_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectReportExportsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
