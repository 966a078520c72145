/** A Tile record as AnalyticsDashboard stores it. */
export interface DashboardTile {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What AnalyticsDashboard reports about a batch of Tile records. */
export interface DashboardTileSummary {
  count: number;
  labels: string[];
}

/** Entity under which AnalyticsDashboard stores its records. */
export const ANALYTICS_DASHBOARD_ENTITY = 'AnalyticsDashboard.Tile';
