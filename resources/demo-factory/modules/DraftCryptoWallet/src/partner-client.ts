import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { WalletTransfer } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/wallet-transfer';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('DraftCryptoWallet: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Wallet Transfer from the partner system. */
export async function fetchWalletTransfer(id: number): Promise<WalletTransfer | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as WalletTransfer;
}

/** Sends a Wallet Transfer to the partner system; true when it was accepted. */
export async function pushWalletTransfer(value: WalletTransfer): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
