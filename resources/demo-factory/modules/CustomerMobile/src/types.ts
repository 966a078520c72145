/** A Visit Note record as CustomerMobile stores it. */
export interface VisitNote {
  id: number;
  name: string;
  email: string;
  creditLimit: number;
  active: boolean;
  segments: string[];
}

/** What CustomerMobile reports about a batch of Visit Note records. */
export interface VisitNoteSummary {
  count: number;
  labels: string[];
}

/** Entity under which CustomerMobile stores its records. */
export const CUSTOMER_MOBILE_ENTITY = 'CustomerMobile.VisitNote';
