import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { loadChannelPreferences } from '@modules/NotificationPreferences';
import { summarizeSmsMessages } from '@modules/SmsGateway';
import { summarizeDigestEntrys, loadDigestEntrys } from './records';
import type { DigestEntry } from './types';

export { describeDigestEntry, summarizeDigestEntrys, loadDigestEntrys } from './records';
export { NOTIFICATION_DIGEST_ENTITY } from './types';
export type { DigestEntry, DigestEntrySummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/digest-entry';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('NotificationDigest: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Digest Entry from the partner system. */
export async function fetchDigestEntry(id: number): Promise<DigestEntry | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as DigestEntry;
}

/** Sends a Digest Entry to the partner system; true when it was accepted. */
export async function pushDigestEntry(value: DigestEntry): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines NotificationDigest gathers from the modules it builds on. */
export async function collectNotificationDigestContext(): Promise<string[]> {
  const lines: string[] = [];
  const channelPreferenceList = await loadChannelPreferences({ requestedBy: 'NotificationDigest' });
  lines.push('NotificationPreferences: ' + channelPreferenceList.length + ' records');
  lines.push(...channelPreferenceList.slice(0, 3).map((item) => String(item.value)));
  const smsMessageSummary = summarizeSmsMessages([{ id: 15, recipient: 'recipient-14', subject: 'subject-15', sentAt: new Date(1701382400000), delivered: false }]);
  lines.push(smsMessageSummary.count + ' from SmsGateway: ' + smsMessageSummary.labels.join('; '));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which NotificationDigest reports to the platform console. */
export const NOTIFICATION_DIGEST_MODULE = 'NotificationDigest';

/** A one-line health report of NotificationDigest: daily digests. */
export async function notificationDigestHealth(): Promise<string> {
  const records = await loadDigestEntrys();
  const summary = summarizeDigestEntrys(records);
  const parts: string[] = [NOTIFICATION_DIGEST_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectNotificationDigestContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
