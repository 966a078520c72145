/** A Settlement record as PaymentService stores it. */
export interface Settlement {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What PaymentService reports about a batch of Settlement records. */
export interface SettlementSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which PaymentService stores its records. */
export const PAYMENT_SERVICE_ENTITY = 'PaymentService.Settlement';
