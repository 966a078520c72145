/** A Transfer record as BankTransfers stores it. */
export interface BankTransfer {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What BankTransfers reports about a batch of Transfer records. */
export interface BankTransferSummary {
  count: number;
  labels: string[];
}

/** Entity under which BankTransfers stores its records. */
export const BANK_TRANSFERS_ENTITY = 'BankTransfers.Transfer';
