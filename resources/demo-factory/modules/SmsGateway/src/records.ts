import { queryEntities, formatDate } from '@platform/runtime';
import { type SmsMessage, type SmsMessageSummary, SMS_GATEWAY_ENTITY } from './types';

/** One line describing a SMS, for logs and lists. */
export function describeSmsMessage(value: SmsMessage): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'SMS ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of SMS records. */
export function summarizeSmsMessages(values: SmsMessage[]): SmsMessageSummary {
  const labels = values.map((value) => describeSmsMessage(value));
  return { count: values.length, labels };
}

/** Reads SMS records, oldest first. */
export async function loadSmsMessages(filter?: Record<string, unknown>): Promise<SmsMessage[]> {
  const rows = await queryEntities<SmsMessage>(SMS_GATEWAY_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
