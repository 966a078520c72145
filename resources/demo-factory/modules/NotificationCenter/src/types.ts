/** A Inbox Item record as NotificationCenter stores it. */
export interface InboxItem {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What NotificationCenter reports about a batch of Inbox Item records. */
export interface InboxItemSummary {
  count: number;
  labels: string[];
}

/** Entity under which NotificationCenter stores its records. */
export const NOTIFICATION_CENTER_ENTITY = 'NotificationCenter.InboxItem';
