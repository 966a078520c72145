import { queryEntities, formatDate } from '@platform/runtime';
import { type CreditNote, type CreditNoteSummary, CREDIT_NOTES_ENTITY } from './types';

/** One line describing a Credit Note, for logs and lists. */
export function describeCreditNote(value: CreditNote): string {
  return 'Credit Note #' + value.id + ': ' + [value.invoiceNumber, value.amount.toFixed(2), formatDate(value.dueDate, 'yyyy-MM-dd'), (value.paid ? 'paid' : 'not paid')].join(' | ');
}

/** Counts and labels a batch of Credit Note records. */
export function summarizeCreditNotes(values: CreditNote[]): CreditNoteSummary {
  const labels = values.map((value) => describeCreditNote(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Credit Note records, oldest first. */
export async function loadCreditNotes(filter?: Record<string, unknown>): Promise<CreditNote[]> {
  const rows = await queryEntities<CreditNote>(CREDIT_NOTES_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
