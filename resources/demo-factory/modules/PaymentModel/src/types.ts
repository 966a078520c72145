/** A Payment record as PaymentModel stores it. */
export interface PaymentInstruction {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What PaymentModel reports about a batch of Payment records. */
export interface PaymentInstructionSummary {
  count: number;
  labels: string[];
}

/** Entity under which PaymentModel stores its records. */
export const PAYMENT_MODEL_ENTITY = 'PaymentModel.Payment';
