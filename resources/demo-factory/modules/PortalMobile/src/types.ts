/** A Tile record as PortalMobile stores it. */
export interface MobileTile {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What PortalMobile reports about a batch of Tile records. */
export interface MobileTileSummary {
  count: number;
  labels: string[];
}

/** Entity under which PortalMobile stores its records. */
export const PORTAL_MOBILE_ENTITY = 'PortalMobile.Tile';
