import { queryEntities } from '@platform/runtime';
import { type SalesFigure, type SalesFigureSummary, SALES_REPORTS_ENTITY } from './types';

/** One line describing a Sales Figure, for logs and lists. */
export function describeSalesFigure(value: SalesFigure): string {
  return 'Sales Figure #' + value.id + ': ' + [value.title, value.period, String(value.rows), (value.generated ? 'generated' : 'not generated')].join(' | ');
}

/** Counts and labels a batch of Sales Figure records. */
export function summarizeSalesFigures(values: SalesFigure[]): SalesFigureSummary {
  const labels = values.map((value) => describeSalesFigure(value));
  return { count: values.length, labels };
}

/** Reads Sales Figure records, oldest first. */
export async function loadSalesFigures(filter?: Record<string, unknown>): Promise<SalesFigure[]> {
  const rows = await queryEntities<SalesFigure>(SALES_REPORTS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
