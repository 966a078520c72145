import { queryEntities } from '@platform/runtime';
import { type VisitNote, type VisitNoteSummary, CUSTOMER_MOBILE_ENTITY } from './types';

/** One line describing a Visit Note, for logs and lists. */
export function describeVisitNote(value: VisitNote): string {
  return 'Visit Note #' + value.id + ': ' + [value.name, value.email, value.creditLimit.toFixed(2), (value.active ? 'active' : 'not active')].join(' | ');
}

/** Counts and labels a batch of Visit Note records. */
export function summarizeVisitNotes(values: VisitNote[]): VisitNoteSummary {
  const labels = values.map((value) => describeVisitNote(value));
  return { count: values.length, labels };
}

/** Reads Visit Note records, oldest first. */
export async function loadVisitNotes(filter?: Record<string, unknown>): Promise<VisitNote[]> {
  const rows = await queryEntities<VisitNote>(CUSTOMER_MOBILE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
