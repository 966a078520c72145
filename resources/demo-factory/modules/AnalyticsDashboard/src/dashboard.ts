import { getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describeDashboardTile, loadDashboardTiles } from './records';

/** A dashboard as AnalyticsDashboard shows it. */
export interface AnalyticsDashboardDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Tile records. */
export function canEditDashboardTile(user: CurrentUser): boolean {
  return user.roles.indexOf('AnalyticsDashboard.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the AnalyticsDashboard dashboard for the current user. */
export async function buildAnalyticsDashboardDashboard(): Promise<AnalyticsDashboardDashboard> {
  const user = getCurrentUser();
  const records = await loadDashboardTiles({ owner: user.id });
  return {
    title: 'Tile dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeDashboardTile(record)),
    editable: canEditDashboardTile(user),
  };
}
