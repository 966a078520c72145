import { queryEntities, formatDate } from '@platform/runtime';
import { type ChannelPreference, type ChannelPreferenceSummary, NOTIFICATION_PREFERENCES_ENTITY } from './types';

/** One line describing a Channel Preference, for logs and lists. */
export function describeChannelPreference(value: ChannelPreference): string {
  const parts: string[] = [];
  parts.push(value.key);
  parts.push(value.value);
  parts.push(formatDate(value.updatedAt, 'yyyy-MM-dd'));
  return 'Channel Preference ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Channel Preference records. */
export function summarizeChannelPreferences(values: ChannelPreference[]): ChannelPreferenceSummary {
  const labels = values.map((value) => describeChannelPreference(value));
  return { count: values.length, labels };
}

/** Reads Channel Preference records, oldest first. */
export async function loadChannelPreferences(filter?: Record<string, unknown>): Promise<ChannelPreference[]> {
  const rows = await queryEntities<ChannelPreference>(NOTIFICATION_PREFERENCES_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
