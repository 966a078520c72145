import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { ConsentRecord } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/consent';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('CustomerConsent: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Consent from the partner system. */
export async function fetchConsentRecord(id: number): Promise<ConsentRecord | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ConsentRecord;
}

/** Sends a Consent to the partner system; true when it was accepted. */
export async function pushConsentRecord(value: ConsentRecord): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
