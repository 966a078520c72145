import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { UsageRecord } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/usage-record';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('UsageExport: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Usage Record from the partner system. */
export async function fetchUsageRecord(id: number): Promise<UsageRecord | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as UsageRecord;
}

/** Sends a Usage Record to the partner system; true when it was accepted. */
export async function pushUsageRecord(value: UsageRecord): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
