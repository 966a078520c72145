import { queryEntities } from '@platform/runtime';
import { type HeadcountFigure, type HeadcountFigureSummary, HR_REPORTS_ENTITY } from './types';

/** One line describing a Headcount, for logs and lists. */
export function describeHeadcountFigure(value: HeadcountFigure): string {
  return 'Headcount #' + value.id + ': ' + [value.title, value.period, String(value.rows), (value.generated ? 'generated' : 'not generated')].join(' | ');
}

/** Counts and labels a batch of Headcount records. */
export function summarizeHeadcountFigures(values: HeadcountFigure[]): HeadcountFigureSummary {
  const labels = values.map((value) => describeHeadcountFigure(value));
  return { count: values.length, labels };
}

/** Reads Headcount records, oldest first. */
export async function loadHeadcountFigures(filter?: Record<string, unknown>): Promise<HeadcountFigure[]> {
  const rows = await queryEntities<HeadcountFigure>(HR_REPORTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
