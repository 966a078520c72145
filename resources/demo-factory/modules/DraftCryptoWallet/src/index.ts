import { log } from '@platform/runtime';
import { loadPaymentInstructions } from '@modules/PaymentModel';
import { summarizeWalletTransfers, loadWalletTransfers } from './records';

export { fetchWalletTransfer, pushWalletTransfer } from './partner-client';
export { describeWalletTransfer, summarizeWalletTransfers, loadWalletTransfers } from './records';
export { DRAFT_CRYPTO_WALLET_ENTITY } from './types';
export type { WalletTransfer, WalletTransferSummary } from './types';

/** Context lines DraftCryptoWallet gathers from the modules it builds on. */
export async function collectDraftCryptoWalletContext(): Promise<string[]> {
  const lines: string[] = [];
  const paymentInstructionList = await loadPaymentInstructions({ requestedBy: 'DraftCryptoWallet' });
  lines.push('PaymentModel: ' + paymentInstructionList.length + ' records');
  lines.push(...paymentInstructionList.slice(0, 3).map((item) => String(item.amount)));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which DraftCryptoWallet reports to the platform console. */
export const DRAFT_CRYPTO_WALLET_MODULE = 'DraftCryptoWallet';

/** A one-line health report of DraftCryptoWallet: crypto payments (draft). */
export async function draftCryptoWalletHealth(): Promise<string> {
  const records = await loadWalletTransfers();
  const summary = summarizeWalletTransfers(records);
  const parts: string[] = [DRAFT_CRYPTO_WALLET_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectDraftCryptoWalletContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
