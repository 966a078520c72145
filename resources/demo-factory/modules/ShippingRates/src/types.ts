/** A Rate Quote record as ShippingRates stores it. */
export interface RateQuote {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What ShippingRates reports about a batch of Rate Quote records. */
export interface RateQuoteSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which ShippingRates stores its records. */
export const SHIPPING_RATES_ENTITY = 'ShippingRates.RateQuote';
