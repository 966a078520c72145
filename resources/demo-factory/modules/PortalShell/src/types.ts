/** A Navigation Item record as PortalShell stores it. */
export interface NavigationItem {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What PortalShell reports about a batch of Navigation Item records. */
export interface NavigationItemSummary {
  count: number;
  labels: string[];
}

/** Entity under which PortalShell stores its records. */
export const PORTAL_SHELL_ENTITY = 'PortalShell.NavigationItem';
