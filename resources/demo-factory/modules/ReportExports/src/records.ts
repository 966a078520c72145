import { queryEntities } from '@platform/runtime';
import { type ExportJob, type ExportJobSummary, REPORT_EXPORTS_ENTITY } from './types';

/** One line describing a Export Job, for logs and lists. */
export function describeExportJob(value: ExportJob): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Export Job ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Export Job records. */
export function summarizeExportJobs(values: ExportJob[]): ExportJobSummary {
  const labels = values.map((value) => describeExportJob(value));
  return { count: values.length, labels };
}

/** Reads Export Job records, oldest first. */
export async function loadExportJobs(filter?: Record<string, unknown>): Promise<ExportJob[]> {
  const rows = await queryEntities<ExportJob>(REPORT_EXPORTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
