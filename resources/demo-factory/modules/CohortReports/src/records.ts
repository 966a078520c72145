import { queryEntities } from '@platform/runtime';
import { type CohortRow, type CohortRowSummary, COHORT_REPORTS_ENTITY } from './types';

/** One line describing a Cohort, for logs and lists. */
export function describeCohortRow(value: CohortRow): string {
  return 'Cohort #' + value.id + ': ' + [value.title, value.period, String(value.rows), (value.generated ? 'generated' : 'not generated')].join(' | ');
}

/** Counts and labels a batch of Cohort records. */
export function summarizeCohortRows(values: CohortRow[]): CohortRowSummary {
  const labels = values.map((value) => describeCohortRow(value));
  return { count: values.length, labels };
}

/** Reads Cohort records, oldest first. */
export async function loadCohortRows(filter?: Record<string, unknown>): Promise<CohortRow[]> {
  const rows = await queryEntities<CohortRow>(COHORT_REPORTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
