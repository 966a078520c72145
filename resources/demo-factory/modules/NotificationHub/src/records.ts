import { queryEntities, formatDate } from '@platform/runtime';
import { type NotificationJob, type NotificationJobSummary, NOTIFICATION_HUB_ENTITY } from './types';

/** One line describing a Notification, for logs and lists. */
export function describeNotificationJob(value: NotificationJob): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'Notification ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Notification records. */
export function summarizeNotificationJobs(values: NotificationJob[]): NotificationJobSummary {
  const labels = values.map((value) => describeNotificationJob(value));
  return { count: values.length, labels };
}

/** Reads Notification records, oldest first. */
export async function loadNotificationJobs(filter?: Record<string, unknown>): Promise<NotificationJob[]> {
  const rows = await queryEntities<NotificationJob>(NOTIFICATION_HUB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
