import { queryEntities, formatDate } from '@platform/runtime';
import { type TrackedEvent, type TrackedEventSummary, EVENT_TRACKING_ENTITY } from './types';

/** One line describing a Event, for logs and lists. */
export function describeTrackedEvent(value: TrackedEvent): string {
  return 'Event #' + value.id + ': ' + [value.name, value.source, String(value.count), formatDate(value.recordedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Event records. */
export function summarizeTrackedEvents(values: TrackedEvent[]): TrackedEventSummary {
  const labels = values.map((value) => describeTrackedEvent(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Event records, oldest first. */
export async function loadTrackedEvents(filter?: Record<string, unknown>): Promise<TrackedEvent[]> {
  const rows = await queryEntities<TrackedEvent>(EVENT_TRACKING_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
