/** A Carrier record as CarrierLib stores it. */
export interface CarrierProfile {
  id: number;
  trackingNumber: string;
  carrier: string;
  weightKg: number;
  shippedAt: Date;
}

/** What CarrierLib reports about a batch of Carrier records. */
export interface CarrierProfileSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CarrierLib stores its records. */
export const CARRIER_LIB_ENTITY = 'CarrierLib.Carrier';
