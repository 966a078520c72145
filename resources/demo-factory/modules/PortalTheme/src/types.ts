/** A Theme Token record as PortalTheme stores it. */
export interface ThemeToken {
  id: number;
  key: string;
  value: string;
  updatedAt: Date;
}

/** What PortalTheme reports about a batch of Theme Token records. */
export interface ThemeTokenSummary {
  count: number;
  labels: string[];
}

/** Entity under which PortalTheme stores its records. */
export const PORTAL_THEME_ENTITY = 'PortalTheme.ThemeToken';
