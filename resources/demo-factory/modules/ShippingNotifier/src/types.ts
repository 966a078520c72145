/** A Dispatch Notice record as ShippingNotifier stores it. */
export interface DispatchNotice {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What ShippingNotifier reports about a batch of Dispatch Notice records. */
export interface DispatchNoticeSummary {
  count: number;
  labels: string[];
}

/** Entity under which ShippingNotifier stores its records. */
export const SHIPPING_NOTIFIER_ENTITY = 'ShippingNotifier.DispatchNotice';
