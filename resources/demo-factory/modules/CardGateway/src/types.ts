/** A Card Charge record as CardGateway stores it. */
export interface CardCharge {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What CardGateway reports about a batch of Card Charge records. */
export interface CardChargeSummary {
  count: number;
  labels: string[];
}

/** Entity under which CardGateway stores its records. */
export const CARD_GATEWAY_ENTITY = 'CardGateway.CardCharge';
