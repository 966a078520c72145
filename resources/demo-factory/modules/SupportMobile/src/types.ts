/** A On-site Visit record as SupportMobile stores it. */
export interface OnSiteVisit {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What SupportMobile reports about a batch of On-site Visit records. */
export interface OnSiteVisitSummary {
  count: number;
  labels: string[];
}

/** Entity under which SupportMobile stores its records. */
export const SUPPORT_MOBILE_ENTITY = 'SupportMobile.On-siteVisit';
