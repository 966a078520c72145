import { queryEntities, formatDate } from '@platform/runtime';
import { type ReportDefinition, type ReportDefinitionSummary, REPORT_ENGINE_ENTITY } from './types';

/** One line describing a Report, for logs and lists. */
export function describeReportDefinition(value: ReportDefinition): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Report ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Report records. */
export function summarizeReportDefinitions(values: ReportDefinition[]): ReportDefinitionSummary {
  const labels = values.map((value) => describeReportDefinition(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Report records, oldest first. */
export async function loadReportDefinitions(filter?: Record<string, unknown>): Promise<ReportDefinition[]> {
  const rows = await queryEntities<ReportDefinition>(REPORT_ENGINE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
