import { log, queryEntities, formatDate } from '@platform/runtime';
import { type BusinessCalendar, type BusinessCalendarSummary, DATE_UTILS_ENTITY } from './types';

export { DATE_UTILS_ENTITY } from './types';
export type { BusinessCalendar, BusinessCalendarSummary } from './types';

/** One line describing a Calendar, for logs and lists. */
export function describeBusinessCalendar(value: BusinessCalendar): string {
  return 'Calendar #' + value.id + ': ' + [value.region, value.holidays.join(', '), String(value.workdays)].join(' | ');
}

/** Counts and labels a batch of Calendar records. */
export function summarizeBusinessCalendars(values: BusinessCalendar[]): BusinessCalendarSummary {
  const labels = values.map((value) => describeBusinessCalendar(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Calendar records, oldest first. */
export async function loadBusinessCalendars(filter?: Record<string, unknown>): Promise<BusinessCalendar[]> {
  const rows = await queryEntities<BusinessCalendar>(DATE_UTILS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** Problems that keep a Calendar from being saved; empty when it is valid. */
export function validateBusinessCalendar(value: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.region.trim().length === 0) problems.push('region is required');
  if (value.holidays.length > 20) problems.push('holidays has too many entries');
  if (!isFinite(value.workdays) || value.workdays < 0) problems.push('workdays must be a positive number');
  return problems;
}

/** Name under which DateUtils reports to the platform console. */
export const DATE_UTILS_MODULE = 'DateUtils';

/** A one-line health report of DateUtils: business calendars. */
export async function dateUtilsHealth(): Promise<string> {
  const records = await loadBusinessCalendars();
  const summary = summarizeBusinessCalendars(records);
  const parts: string[] = [DATE_UTILS_MODULE, summary.count + ' records'];
  log(parts.join(' - '));
  return parts.join(' - ');
}
