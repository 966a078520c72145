/** A Channel Preference record as NotificationPreferences stores it. */
export interface ChannelPreference {
  id: number;
  key: string;
  value: string;
  updatedAt: Date;
}

/** What NotificationPreferences reports about a batch of Channel Preference records. */
export interface ChannelPreferenceSummary {
  count: number;
  labels: string[];
}

/** Entity under which NotificationPreferences stores its records. */
export const NOTIFICATION_PREFERENCES_ENTITY = 'NotificationPreferences.ChannelPreference';
