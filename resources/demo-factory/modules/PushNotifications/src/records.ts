import { queryEntities, formatDate } from '@platform/runtime';
import { type PushMessage, type PushMessageSummary, PUSH_NOTIFICATIONS_ENTITY } from './types';

/** One line describing a Push Message, for logs and lists. */
export function describePushMessage(value: PushMessage): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'Push Message ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Push Message records. */
export function summarizePushMessages(values: PushMessage[]): PushMessageSummary {
  const labels = values.map((value) => describePushMessage(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Push Message records, oldest first. */
export async function loadPushMessages(filter?: Record<string, unknown>): Promise<PushMessage[]> {
  const rows = await queryEntities<PushMessage>(PUSH_NOTIFICATIONS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
