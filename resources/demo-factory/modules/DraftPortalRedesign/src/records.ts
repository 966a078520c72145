import { queryEntities } from '@platform/runtime';
import { type RedesignMockup, type RedesignMockupSummary, DRAFT_PORTAL_REDESIGN_ENTITY } from './types';

/** One line describing a Mockup, for logs and lists. */
export function describeRedesignMockup(value: RedesignMockup): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.path);
  parts.push((value.published ? 'published' : 'not published'));
  return 'Mockup ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Mockup records. */
export function summarizeRedesignMockups(values: RedesignMockup[]): RedesignMockupSummary {
  const labels = values.map((value) => describeRedesignMockup(value));
  return { count: values.length, labels };
}

/** Reads Mockup records, oldest first. */
export async function loadRedesignMockups(filter?: Record<string, unknown>): Promise<RedesignMockup[]> {
  const rows = await queryEntities<RedesignMockup>(DRAFT_PORTAL_REDESIGN_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
