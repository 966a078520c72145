/** A Search Hit record as PortalSearch stores it. */
export interface SearchHit {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What PortalSearch reports about a batch of Search Hit records. */
export interface SearchHitSummary {
  count: number;
  labels: string[];
}

/** Entity under which PortalSearch stores its records. */
export const PORTAL_SEARCH_ENTITY = 'PortalSearch.SearchHit';
