/** A Wallet Transfer record as DraftCryptoWallet stores it. */
export interface WalletTransfer {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What DraftCryptoWallet reports about a batch of Wallet Transfer records. */
export interface WalletTransferSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftCryptoWallet stores its records. */
export const DRAFT_CRYPTO_WALLET_ENTITY = 'DraftCryptoWallet.WalletTransfer';
