import { queryEntities, formatDate } from '@platform/runtime';
import { type SlaBreach, type SlaBreachSummary, SLA_MONITOR_ENTITY } from './types';

/** One line describing a SLA Breach, for logs and lists. */
export function describeSlaBreach(value: SlaBreach): string {
  const parts: string[] = [];
  parts.push(value.subject);
  parts.push(String(value.priority));
  parts.push(value.status);
  parts.push(formatDate(value.openedAt, 'yyyy-MM-dd'));
  return 'SLA Breach ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of SLA Breach records. */
export function summarizeSlaBreachs(values: SlaBreach[]): SlaBreachSummary {
  const labels = values.map((value) => describeSlaBreach(value));
  return { count: values.length, labels };
}

/** Reads SLA Breach records, oldest first. */
export async function loadSlaBreachs(filter?: Record<string, unknown>): Promise<SlaBreach[]> {
  const rows = await queryEntities<SlaBreach>(SLA_MONITOR_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
