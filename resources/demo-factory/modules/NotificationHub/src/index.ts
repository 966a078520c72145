import { log } from '@platform/runtime';
import { collectNotificationHubContext } from './integrations';
import { summarizeNotificationJobs, loadNotificationJobs } from './records';

export { collectNotificationHubContext } from './integrations';
export { fetchNotificationJob, pushNotificationJob } from './partner-client';
export { describeNotificationJob, summarizeNotificationJobs, loadNotificationJobs } from './records';
export { NOTIFICATION_HUB_ENTITY } from './types';
export type { NotificationJob, NotificationJobSummary } from './types';

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which NotificationHub reports to the platform console. */
export const NOTIFICATION_HUB_MODULE = 'NotificationHub';

/** A one-line health report of NotificationHub: outgoing notifications. */
export async function notificationHubHealth(): Promise<string> {
  const records = await loadNotificationJobs();
  const summary = summarizeNotificationJobs(records);
  const parts: string[] = [NOTIFICATION_HUB_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectNotificationHubContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
