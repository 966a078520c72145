/** A Push Message record as PushNotifications stores it. */
export interface PushMessage {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What PushNotifications reports about a batch of Push Message records. */
export interface PushMessageSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which PushNotifications stores its records. */
export const PUSH_NOTIFICATIONS_ENTITY = 'PushNotifications.PushMessage';
