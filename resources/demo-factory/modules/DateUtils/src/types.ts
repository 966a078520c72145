/** A Calendar record as DateUtils stores it. */
export interface BusinessCalendar {
  id: number;
  region: string;
  holidays: string[];
  workdays: number;
}

/** What DateUtils reports about a batch of Calendar records. */
export interface BusinessCalendarSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which DateUtils stores its records. */
export const DATE_UTILS_ENTITY = 'DateUtils.Calendar';
