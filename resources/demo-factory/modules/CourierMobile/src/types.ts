/** A Delivery Stop record as CourierMobile stores it. */
export interface DeliveryStop {
  id: number;
  trackingNumber: string;
  carrier: string;
  weightKg: number;
  shippedAt: Date;
}

/** What CourierMobile reports about a batch of Delivery Stop records. */
export interface DeliveryStopSummary {
  count: number;
  labels: string[];
}

/** Entity under which CourierMobile stores its records. */
export const COURIER_MOBILE_ENTITY = 'CourierMobile.DeliveryStop';
