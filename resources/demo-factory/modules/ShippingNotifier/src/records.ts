import { queryEntities, formatDate } from '@platform/runtime';
import { type DispatchNotice, type DispatchNoticeSummary, SHIPPING_NOTIFIER_ENTITY } from './types';

/** One line describing a Dispatch Notice, for logs and lists. */
export function describeDispatchNotice(value: DispatchNotice): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'Dispatch Notice ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Dispatch Notice records. */
export function summarizeDispatchNotices(values: DispatchNotice[]): DispatchNoticeSummary {
  const labels = values.map((value) => describeDispatchNotice(value));
  return { count: values.length, labels };
}

/** Reads Dispatch Notice records, oldest first. */
export async function loadDispatchNotices(filter?: Record<string, unknown>): Promise<DispatchNotice[]> {
  const rows = await queryEntities<DispatchNotice>(SHIPPING_NOTIFIER_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
