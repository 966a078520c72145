/** A Fraud Signal record as FraudChecks stores it. */
export interface FraudSignal {
  id: number;
  name: string;
  source: string;
  count: number;
  recordedAt: Date;
}

/** What FraudChecks reports about a batch of Fraud Signal records. */
export interface FraudSignalSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which FraudChecks stores its records. */
export const FRAUD_CHECKS_ENTITY = 'FraudChecks.FraudSignal';
