import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { LedgerLine } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/ledger-line';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('BillingLegacyExport: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Ledger Line from the partner system. */
export async function fetchLedgerLine(id: number): Promise<LedgerLine | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as LedgerLine;
}

/** Sends a Ledger Line to the partner system; true when it was accepted. */
export async function pushLedgerLine(value: LedgerLine): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
