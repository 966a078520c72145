import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { ApiKey } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/api-key';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('ApiKeys: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one API Key from the partner system. */
export async function fetchApiKey(id: number): Promise<ApiKey | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ApiKey;
}

/** Sends a API Key to the partner system; true when it was accepted. */
export async function pushApiKey(value: ApiKey): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
