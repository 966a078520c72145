/** A Order record as OrderModel stores it. */
export interface OrderDraft {
  id: number;
  orderNumber: string;
  customerId: number;
  total: number;
  placedAt: Date;
}

/** What OrderModel reports about a batch of Order records. */
export interface OrderDraftSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which OrderModel stores its records. */
export const ORDER_MODEL_ENTITY = 'OrderModel.Order';
