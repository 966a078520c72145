/** A Consent record as CustomerConsent stores it. */
export interface ConsentRecord {
  id: number;
  field: string;
  pattern: string;
  required: boolean;
}

/** What CustomerConsent reports about a batch of Consent records. */
export interface ConsentRecordSummary {
  count: number;
  labels: string[];
}

/** Entity under which CustomerConsent stores its records. */
export const CUSTOMER_CONSENT_ENTITY = 'CustomerConsent.Consent';
