/** A EDI Order record as OrderImport stores it. */
export interface EdiOrder {
  id: number;
  orderNumber: string;
  customerId: number;
  total: number;
  placedAt: Date;
}

/** What OrderImport reports about a batch of EDI Order records. */
export interface EdiOrderSummary {
  count: number;
  labels: string[];
}

/** Entity under which OrderImport stores its records. */
export const ORDER_IMPORT_ENTITY = 'OrderImport.EDIOrder';
