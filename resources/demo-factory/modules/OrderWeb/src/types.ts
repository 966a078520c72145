/** A Order Line record as OrderWeb stores it. */
export interface OrderLineView {
  id: number;
  orderNumber: string;
  customerId: number;
  total: number;
  placedAt: Date;
}

/** What OrderWeb reports about a batch of Order Line records. */
export interface OrderLineViewSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which OrderWeb stores its records. */
export const ORDER_WEB_ENTITY = 'OrderWeb.OrderLine';
