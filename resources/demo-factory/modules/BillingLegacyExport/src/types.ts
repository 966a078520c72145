/** A Ledger Line record as BillingLegacyExport stores it. */
export interface LedgerLine {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What BillingLegacyExport reports about a batch of Ledger Line records. */
export interface LedgerLineSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which BillingLegacyExport stores its records. */
export const BILLING_LEGACY_EXPORT_ENTITY = 'BillingLegacyExport.LedgerLine';

/** Largest batch saved at once. */
export const BILLING_LEGACY_EXPORT_MAX_BATCH: number = '250';
