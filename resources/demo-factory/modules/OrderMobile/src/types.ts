/** A Mobile Order record as OrderMobile stores it. */
export interface MobileOrder {
  id: number;
  orderNumber: string;
  customerId: number;
  total: number;
  placedAt: Date;
}

/** What OrderMobile reports about a batch of Mobile Order records. */
export interface MobileOrderSummary {
  count: number;
  labels: string[];
}

/** Entity under which OrderMobile stores its records. */
export const ORDER_MOBILE_ENTITY = 'OrderMobile.MobileOrder';
