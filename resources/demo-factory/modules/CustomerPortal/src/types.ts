/** A Customer Account record as CustomerPortal stores it. */
export interface CustomerAccountView {
  id: number;
  name: string;
  email: string;
  creditLimit: number;
  active: boolean;
  segments: string[];
}

/** What CustomerPortal reports about a batch of Customer Account records. */
export interface CustomerAccountViewSummary {
  count: number;
  labels: string[];
}

/** Entity under which CustomerPortal stores its records. */
export const CUSTOMER_PORTAL_ENTITY = 'CustomerPortal.CustomerAccount';
