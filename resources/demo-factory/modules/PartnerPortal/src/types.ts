/** A Partner record as PartnerPortal stores it. */
export interface PartnerAccount {
  id: number;
  name: string;
  email: string;
  creditLimit: number;
  active: boolean;
  segments: string[];
}

/** What PartnerPortal reports about a batch of Partner records. */
export interface PartnerAccountSummary {
  count: number;
  labels: string[];
}

/** Entity under which PartnerPortal stores its records. */
export const PARTNER_PORTAL_ENTITY = 'PartnerPortal.Partner';
