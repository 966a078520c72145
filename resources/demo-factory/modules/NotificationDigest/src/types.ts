/** A Digest Entry record as NotificationDigest stores it. */
export interface DigestEntry {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What NotificationDigest reports about a batch of Digest Entry records. */
export interface DigestEntrySummary {
  count: number;
  labels: string[];
}

/** Entity under which NotificationDigest stores its records. */
export const NOTIFICATION_DIGEST_ENTITY = 'NotificationDigest.DigestEntry';
