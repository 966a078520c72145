import { queryEntities } from '@platform/runtime';
import { type HrFeedRecord, type HrFeedRecordSummary, DIRECTORY_SYNC_ENTITY } from './types';

/** One line describing a HR Feed Record, for logs and lists. */
export function describeHrFeedRecord(value: HrFeedRecord): string {
  return 'HR Feed Record #' + value.id + ': ' + [value.fullName, value.email, value.department, (value.active ? 'active' : 'not active')].join(' | ');
}

/** Counts and labels a batch of HR Feed Record records. */
export function summarizeHrFeedRecords(values: HrFeedRecord[]): HrFeedRecordSummary {
  const labels = values.map((value) => describeHrFeedRecord(value));
  return { count: values.length, labels };
}

/** Reads HR Feed Record records, oldest first. */
export async function loadHrFeedRecords(filter?: Record<string, unknown>): Promise<HrFeedRecord[]> {
  const rows = await queryEntities<HrFeedRecord>(DIRECTORY_SYNC_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
