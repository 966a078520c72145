/** A Return record as OrderReturns stores it. */
export interface ReturnRequest {
  id: number;
  orderNumber: string;
  customerId: number;
  total: number;
  placedAt: Date;
}

/** What OrderReturns reports about a batch of Return records. */
export interface ReturnRequestSummary {
  count: number;
  labels: string[];
}

/** Entity under which OrderReturns stores its records. */
export const ORDER_RETURNS_ENTITY = 'OrderReturns.Return';
