import { queryEntities } from '@platform/runtime';
import { type DashboardTile, type DashboardTileSummary, ANALYTICS_DASHBOARD_ENTITY } from './types';

/** One line describing a Tile, for logs and lists. */
export function describeDashboardTile(value: DashboardTile): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Tile ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Tile records. */
export function summarizeDashboardTiles(values: DashboardTile[]): DashboardTileSummary {
  const labels = values.map((value) => describeDashboardTile(value));
  return { count: values.length, labels };
}

/** Reads Tile records, oldest first. */
export async function loadDashboardTiles(filter?: Record<string, unknown>): Promise<DashboardTile[]> {
  const rows = await queryEntities<DashboardTile>(ANALYTICS_DASHBOARD_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
