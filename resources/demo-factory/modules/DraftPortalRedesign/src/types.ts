/** A Mockup record as DraftPortalRedesign stores it. */
export interface RedesignMockup {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What DraftPortalRedesign reports about a batch of Mockup records. */
export interface RedesignMockupSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftPortalRedesign stores its records. */
export const DRAFT_PORTAL_REDESIGN_ENTITY = 'DraftPortalRedesign.Mockup';
