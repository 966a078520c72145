/** A Notification record as NotificationHub stores it. */
export interface NotificationJob {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What NotificationHub reports about a batch of Notification records. */
export interface NotificationJobSummary {
  count: number;
  labels: string[];
}

/** Entity under which NotificationHub stores its records. */
export const NOTIFICATION_HUB_ENTITY = 'NotificationHub.Notification';
