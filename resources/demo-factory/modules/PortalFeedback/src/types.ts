/** A Feedback record as PortalFeedback stores it. */
export interface FeedbackEntry {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What PortalFeedback reports about a batch of Feedback records. */
export interface FeedbackEntrySummary {
  count: number;
  labels: string[];
}

/** Entity under which PortalFeedback stores its records. */
export const PORTAL_FEEDBACK_ENTITY = 'PortalFeedback.Feedback';
