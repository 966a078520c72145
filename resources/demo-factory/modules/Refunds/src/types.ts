/** A Refund record as Refunds stores it. */
export interface RefundRequest {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What Refunds reports about a batch of Refund records. */
export interface RefundRequestSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which Refunds stores its records. */
export const REFUNDS_ENTITY = 'Refunds.Refund';
