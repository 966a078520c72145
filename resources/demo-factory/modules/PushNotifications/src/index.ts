import { log, formatDate } from '@platform/runtime';
import { describeSmsMessage, type SmsMessage } from '@modules/SmsGateway';
import { summarizePushMessages, loadPushMessages } from './records';

export { fetchPushMessage, pushPushMessage } from './partner-client';
export { describePushMessage, summarizePushMessages, loadPushMessages } from './records';
export { PUSH_NOTIFICATIONS_ENTITY } from './types';
export type { PushMessage, PushMessageSummary } from './types';

/** Context lines PushNotifications gathers from the modules it builds on. */
export async function collectPushNotificationsContext(): Promise<string[]> {
  const lines: string[] = [];
  const smsMessageSample: SmsMessage = { id: 10, recipient: 'recipient-9', subject: 'subject-10', sentAt: new Date(1700950400000), delivered: true };
  lines.push(describeSmsMessage(smsMessageSample));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which PushNotifications reports to the platform console. */
export const PUSH_NOTIFICATIONS_MODULE = 'PushNotifications';

/** A one-line health report of PushNotifications: mobile push. */
export async function pushNotificationsHealth(): Promise<string> {
  const records = await loadPushMessages();
  const summary = summarizePushMessages(records);
  const parts: string[] = [PUSH_NOTIFICATIONS_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectPushNotificationsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
