/** A Announcement record as HrPortal stores it. */
export interface HrAnnouncement {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What HrPortal reports about a batch of Announcement records. */
export interface HrAnnouncementSummary {
  count: number;
  labels: string[];
}

/** Entity under which HrPortal stores its records. */
export const HR_PORTAL_ENTITY = 'HrPortal.Announcement';
