/** A Statement record as BillingPortal stores it. */
export interface BillingStatement {
  id: number;
  invoiceNumber: string;
  amount: number;
  dueDate: Date;
  paid: boolean;
}

/** What BillingPortal reports about a batch of Statement records. */
export interface BillingStatementSummary {
  count: number;
  labels: string[];
}

/** Entity under which BillingPortal stores its records. */
export const BILLING_PORTAL_ENTITY = 'BillingPortal.Statement';
