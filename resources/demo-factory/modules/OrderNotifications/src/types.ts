/** A Order Notice record as OrderNotifications stores it. */
export interface OrderNotice {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What OrderNotifications reports about a batch of Order Notice records. */
export interface OrderNoticeSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which OrderNotifications stores its records. */
export const ORDER_NOTIFICATIONS_ENTITY = 'OrderNotifications.OrderNotice';
