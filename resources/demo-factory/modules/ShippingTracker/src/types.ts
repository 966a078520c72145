/** A Tracking Event record as ShippingTracker stores it. */
export interface TrackingView {
  id: number;
  trackingNumber: string;
  carrier: string;
  weightKg: number;
  shippedAt: Date;
}

/** What ShippingTracker reports about a batch of Tracking Event records. */
export interface TrackingViewSummary {
  count: number;
  labels: string[];
}

/** Entity under which ShippingTracker stores its records. */
export const SHIPPING_TRACKER_ENTITY = 'ShippingTracker.TrackingEvent';
