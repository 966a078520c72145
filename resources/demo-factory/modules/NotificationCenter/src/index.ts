import { log, queryEntities, formatDate, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describePushMessage, type PushMessage } from '@modules/PushNotifications';
import { summarizeSmsMessages } from '@modules/SmsGateway';
import { type InboxItem, type InboxItemSummary, NOTIFICATION_CENTER_ENTITY } from './types';

export { NOTIFICATION_CENTER_ENTITY } from './types';
export type { InboxItem, InboxItemSummary } from './types';

/** One line describing a Inbox Item, for logs and lists. */
export function describeInboxItem(value: InboxItem): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'Inbox Item ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Inbox Item records. */
export function summarizeInboxItems(values: InboxItem[]): InboxItemSummary {
  const labels = values.map((value) => describeInboxItem(value));
  return { count: values.length, labels };
}

/** Reads Inbox Item records, oldest first. */
export async function loadInboxItems(filter?: Record<string, unknown>): Promise<InboxItem[]> {
  const rows = await queryEntities<InboxItem>(NOTIFICATION_CENTER_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

/** A dashboard as NotificationCenter shows it. */
export interface NotificationCenterDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Inbox Item records. */
export function canEditInboxItem(user: CurrentUser): boolean {
  return user.roles.indexOf('NotificationCenter.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the NotificationCenter dashboard for the current user. */
export async function buildNotificationCenterDashboard(): Promise<NotificationCenterDashboard> {
  const user = getCurrentUser();
  const records = await loadInboxItems({ owner: user.id });
  return {
    title: 'Inbox Item dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeInboxItem(record)),
    editable: canEditInboxItem(user),
  };
}

/** Context lines NotificationCenter gathers from the modules it builds on. */
export async function collectNotificationCenterContext(): Promise<string[]> {
  const lines: string[] = [];
  const smsMessageSummary = summarizeSmsMessages([{ id: 6, recipient: 'recipient-5', subject: 'subject-6', sentAt: new Date(1700604800000), delivered: true }]);
  lines.push(smsMessageSummary.count + ' from SmsGateway: ' + smsMessageSummary.labels.join('; '));
  const pushMessageSample: PushMessage = { id: 13, recipient: 'recipient-12', subject: 'subject-13', sentAt: new Date(1701209600000), delivered: false };
  lines.push(describePushMessage(pushMessageSample));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which NotificationCenter reports to the platform console. */
export const NOTIFICATION_CENTER_MODULE = 'NotificationCenter';

/** A one-line health report of NotificationCenter: the notification inbox. */
export async function notificationCenterHealth(): Promise<string> {
  const records = await loadInboxItems();
  const summary = summarizeInboxItems(records);
  const parts: string[] = [NOTIFICATION_CENTER_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectNotificationCenterContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
