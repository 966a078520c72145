import { queryEntities } from '@platform/runtime';
import { type MobileTile, type MobileTileSummary, PORTAL_MOBILE_ENTITY } from './types';

/** One line describing a Tile, for logs and lists. */
export function describeMobileTile(value: MobileTile): string {
  return 'Tile #' + value.id + ': ' + [value.title, value.path, (value.published ? 'published' : 'not published')].join(' | ');
}

/** Counts and labels a batch of Tile records. */
export function summarizeMobileTiles(values: MobileTile[]): MobileTileSummary {
  const labels = values.map((value) => describeMobileTile(value));
  return { count: values.length, labels };
}

/** Reads Tile records, oldest first. */
export async function loadMobileTiles(filter?: Record<string, unknown>): Promise<MobileTile[]> {
  const rows = await queryEntities<MobileTile>(PORTAL_MOBILE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
