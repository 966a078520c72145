import { queryEntities } from '@platform/runtime';
import { type FinanceKpi, type FinanceKpiSummary, FINANCE_REPORTS_ENTITY } from './types';

/** One line describing a Finance KPI, for logs and lists. */
export function describeFinanceKpi(value: FinanceKpi): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Finance KPI ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Finance KPI records. */
export function summarizeFinanceKpis(values: FinanceKpi[]): FinanceKpiSummary {
  const labels = values.map((value) => describeFinanceKpi(value));
  return { count: values.length, labels };
}

/** Reads Finance KPI records, oldest first. */
export async function loadFinanceKpis(filter?: Record<string, unknown>): Promise<FinanceKpi[]> {
  const rows = await queryEntities<FinanceKpi>(FINANCE_REPORTS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
