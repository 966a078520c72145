import { queryEntities, formatDate } from '@platform/runtime';
import { type PhoneBookEntry, type PhoneBookEntrySummary, DIRECTORY_MOBILE_ENTITY } from './types';

/** One line describing a Phone Book Entry, for logs and lists. */
export function describePhoneBookEntry(value: PhoneBookEntry): string {
  const parts: string[] = [];
  parts.push(value.fullName);
  parts.push(value.email);
  parts.push(value.department);
  parts.push((value.active ? 'active' : 'not active'));
  return 'Phone Book Entry ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Phone Book Entry records. */
export function summarizePhoneBookEntrys(values: PhoneBookEntry[]): PhoneBookEntrySummary {
  const labels = values.map((value) => describePhoneBookEntry(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Phone Book Entry records, oldest first. */
export async function loadPhoneBookEntrys(filter?: Record<string, unknown>): Promise<PhoneBookEntry[]> {
  const rows = await queryEntities<PhoneBookEntry>(DIRECTORY_MOBILE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
