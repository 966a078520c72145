import { queryEntities } from '@platform/runtime';
import { type WalletTransfer, type WalletTransferSummary, DRAFT_CRYPTO_WALLET_ENTITY } from './types';

/** One line describing a Wallet Transfer, for logs and lists. */
export function describeWalletTransfer(value: WalletTransfer): string {
  const parts: string[] = [];
  parts.push(value.reference);
  parts.push(value.amount.toFixed(2));
  parts.push(value.currency);
  parts.push((value.settled ? 'settled' : 'not settled'));
  return 'Wallet Transfer ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Wallet Transfer records. */
export function summarizeWalletTransfers(values: WalletTransfer[]): WalletTransferSummary {
  const labels = values.map((value) => describeWalletTransfer(value));
  return { count: values.length, labels };
}

/** Reads Wallet Transfer records, oldest first. */
export async function loadWalletTransfers(filter?: Record<string, unknown>): Promise<WalletTransfer[]> {
  const rows = await queryEntities<WalletTransfer>(DRAFT_CRYPTO_WALLET_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
