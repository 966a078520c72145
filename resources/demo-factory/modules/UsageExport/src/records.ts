import { queryEntities, formatDate } from '@platform/runtime';
import { type UsageRecord, type UsageRecordSummary, USAGE_EXPORT_ENTITY } from './types';

/** One line describing a Usage Record, for logs and lists. */
export function describeUsageRecord(value: UsageRecord): string {
  const parts: string[] = [];
  parts.push(value.name);
  parts.push(value.source);
  parts.push(String(value.count));
  parts.push(formatDate(value.recordedAt, 'yyyy-MM-dd'));
  return 'Usage Record ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Usage Record records. */
export function summarizeUsageRecords(values: UsageRecord[]): UsageRecordSummary {
  const labels = values.map((value) => describeUsageRecord(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Usage Record records, oldest first. */
export async function loadUsageRecords(filter?: Record<string, unknown>): Promise<UsageRecord[]> {
  const rows = await queryEntities<UsageRecord>(USAGE_EXPORT_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
