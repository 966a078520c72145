import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { ChannelPreference } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/channel-preference';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('NotificationPreferences: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Channel Preference from the partner system. */
export async function fetchChannelPreference(id: number): Promise<ChannelPreference | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ChannelPreference;
}

/** Sends a Channel Preference to the partner system; true when it was accepted. */
export async function pushChannelPreference(value: ChannelPreference): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
