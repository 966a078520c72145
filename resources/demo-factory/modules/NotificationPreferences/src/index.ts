import { log } from '@platform/runtime';
import { collectNotificationPreferencesContext } from './integrations';
import { summarizeChannelPreferences, loadChannelPreferences } from './records';

export { collectNotificationPreferencesContext } from './integrations';
export { fetchChannelPreference, pushChannelPreference } from './partner-client';
export { describeChannelPreference, summarizeChannelPreferences, loadChannelPreferences } from './records';
export { NOTIFICATION_PREFERENCES_ENTITY } from './types';
export type { ChannelPreference, ChannelPreferenceSummary } from './types';

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which NotificationPreferences reports to the platform console. */
export const NOTIFICATION_PREFERENCES_MODULE = 'NotificationPreferences';

/** A one-line health report of NotificationPreferences: channel preferences. */
export async function notificationPreferencesHealth(): Promise<string> {
  const records = await loadChannelPreferences();
  const summary = summarizeChannelPreferences(records);
  const parts: string[] = [NOTIFICATION_PREFERENCES_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectNotificationPreferencesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
