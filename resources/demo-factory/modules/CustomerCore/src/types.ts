/** A Customer record as CustomerCore stores it. */
export interface CustomerRecord {
  id: number;
  name: string;
  email: string;
  creditLimit: number;
  active: boolean;
  segments: string[];
}

/** What CustomerCore reports about a batch of Customer records. */
export interface CustomerRecordSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CustomerCore stores its records. */
export const CUSTOMER_CORE_ENTITY = 'CustomerCore.Customer';
