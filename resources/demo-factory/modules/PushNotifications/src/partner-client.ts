import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { PushMessage } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/push-message';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('PushNotifications: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Push Message from the partner system. */
export async function fetchPushMessage(id: number): Promise<PushMessage | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as PushMessage;
}

/** Sends a Push Message to the partner system; true when it was accepted. */
export async function pushPushMessage(value: PushMessage): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
