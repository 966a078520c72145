import { queryEntities } from '@platform/runtime';
import { type SearchHit, type SearchHitSummary, PORTAL_SEARCH_ENTITY } from './types';

/** One line describing a Search Hit, for logs and lists. */
export function describeSearchHit(value: SearchHit): string {
  return 'Search Hit #' + value.id + ': ' + [value.title, value.path, (value.published ? 'published' : 'not published')].join(' | ');
}

/** Counts and labels a batch of Search Hit records. */
export function summarizeSearchHits(values: SearchHit[]): SearchHitSummary {
  const labels = values.map((value) => describeSearchHit(value));
  return { count: values.length, labels };
}

/** Reads Search Hit records, oldest first. */
export async function loadSearchHits(filter?: Record<string, unknown>): Promise<SearchHit[]> {
  const rows = await queryEntities<SearchHit>(PORTAL_SEARCH_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
