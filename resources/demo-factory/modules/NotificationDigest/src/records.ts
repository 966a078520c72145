import { queryEntities, formatDate } from '@platform/runtime';
import { type DigestEntry, type DigestEntrySummary, NOTIFICATION_DIGEST_ENTITY } from './types';

/** One line describing a Digest Entry, for logs and lists. */
export function describeDigestEntry(value: DigestEntry): string {
  const parts: string[] = [];
  parts.push(value.recipient);
  parts.push(value.subject);
  parts.push(formatDate(value.sentAt, 'yyyy-MM-dd'));
  parts.push((value.delivered ? 'delivered' : 'not delivered'));
  return 'Digest Entry ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Digest Entry records. */
export function summarizeDigestEntrys(values: DigestEntry[]): DigestEntrySummary {
  const labels = values.map((value) => describeDigestEntry(value));
  return { count: values.length, labels };
}

/** Reads Digest Entry records, oldest first. */
export async function loadDigestEntrys(filter?: Record<string, unknown>): Promise<DigestEntry[]> {
  const rows = await queryEntities<DigestEntry>(NOTIFICATION_DIGEST_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
