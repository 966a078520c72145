/** A Receipt record as PaymentsWeb stores it. */
export interface PaymentReceipt {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What PaymentsWeb reports about a batch of Receipt records. */
export interface PaymentReceiptSummary {
  count: number;
  labels: string[];
}

/** Entity under which PaymentsWeb stores its records. */
export const PAYMENTS_WEB_ENTITY = 'PaymentsWeb.Receipt';
