/** A Billing Run record as BillingService stores it. */
export interface BillingRun {
  id: number;
  invoiceNumber: string;
  amount: number;
  dueDate: Date;
  paid: boolean;
}

/** What BillingService reports about a batch of Billing Run records. */
export interface BillingRunSummary {
  count: number;
  labels: string[];
}

/** Entity under which BillingService stores its records. */
export const BILLING_SERVICE_ENTITY = 'BillingService.BillingRun';
