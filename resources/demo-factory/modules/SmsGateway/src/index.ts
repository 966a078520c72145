import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';
import { summarizeSmsMessages, loadSmsMessages } from './records';
import type { SmsMessage } from './types';

export { describeSmsMessage, summarizeSmsMessages, loadSmsMessages } from './records';
export { SMS_GATEWAY_ENTITY } from './types';
export type { SmsMessage, SmsMessageSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/sms';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('SmsGateway: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one SMS from the partner system. */
export async function fetchSmsMessage(id: number): Promise<SmsMessage | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as SmsMessage;
}

/** Sends a SMS to the partner system; true when it was accepted. */
export async function pushSmsMessage(value: SmsMessage): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines SmsGateway gathers from the modules it builds on. */
export async function collectSmsGatewayContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'SmsGateway' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which SmsGateway reports to the platform console. */
export const SMS_GATEWAY_MODULE = 'SmsGateway';

/** A one-line health report of SmsGateway: text messages. */
export async function smsGatewayHealth(): Promise<string> {
  const records = await loadSmsMessages();
  const summary = summarizeSmsMessages(records);
  const parts: string[] = [SMS_GATEWAY_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectSmsGatewayContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
