/** A Sales Order record as OrderService stores it. */
export interface SalesOrder {
  id: number;
  orderNumber: string;
  customerId: number;
  total: number;
  placedAt: Date;
}

/** What OrderService reports about a batch of Sales Order records. */
export interface SalesOrderSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which OrderService stores its records. */
export const ORDER_SERVICE_ENTITY = 'OrderService.SalesOrder';
