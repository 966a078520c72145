import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { NotificationJob } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/notification';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('NotificationHub: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Notification from the partner system. */
export async function fetchNotificationJob(id: number): Promise<NotificationJob | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as NotificationJob;
}

/** Sends a Notification to the partner system; true when it was accepted. */
export async function pushNotificationJob(value: NotificationJob): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
