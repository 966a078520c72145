import { queryEntities, formatDate } from '@platform/runtime';
import { type DunningNotice, type DunningNoticeSummary, DUNNING_SERVICE_ENTITY } from './types';

/** One line describing a Dunning Notice, for logs and lists. */
export function describeDunningNotice(value: DunningNotice): string {
  return 'Dunning Notice #' + value.id + ': ' + [value.invoiceNumber, value.amount.toFixed(2), formatDate(value.dueDate, 'yyyy-MM-dd'), (value.paid ? 'paid' : 'not paid')].join(' | ');
}

/** Counts and labels a batch of Dunning Notice records. */
export function summarizeDunningNotices(values: DunningNotice[]): DunningNoticeSummary {
  const labels = values.map((value) => describeDunningNotice(value));
  return { count: values.length, labels };
}

/** Reads Dunning Notice records, oldest first. */
export async function loadDunningNotices(filter?: Record<string, unknown>): Promise<DunningNotice[]> {
  const rows = await queryEntities<DunningNotice>(DUNNING_SERVICE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
