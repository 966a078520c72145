import { log, queryEntities, formatDate, getCurrentUser } from '@platform/runtime';
import { describeEmployeeRecord, type EmployeeRecord } from '@modules/EmployeeCore';
import { type TimeEntry, type TimeEntrySummary, HR_MOBILE_ENTITY } from './types';

export { HR_MOBILE_ENTITY } from './types';
export type { TimeEntry, TimeEntrySummary } from './types';

/** One line describing a Time Entry, for logs and lists. */
export function describeTimeEntry(value: TimeEntry): string {
  const parts: string[] = [];
  parts.push(value.employeeNumber);
  parts.push(value.fullName);
  parts.push(String(value.salaryBand));
  parts.push(formatDate(value.startDate, 'yyyy-MM-dd'));
  return 'Time Entry ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Time Entry records. */
export function summarizeTimeEntrys(values: TimeEntry[]): TimeEntrySummary {
  const labels = values.map((value) => describeTimeEntry(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Time Entry records, oldest first. */
export async function loadTimeEntrys(filter?: Record<string, unknown>): Promise<TimeEntry[]> {
  const rows = await queryEntities<TimeEntry>(HR_MOBILE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

const cache = new Map<number, TimeEntry>();
let lastSync = 0;

/** Downloads the user's Time Entry records for offline use; resolves to how many. */
export async function syncHrMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadTimeEntrys({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('HrMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedTimeEntry(id: number): TimeEntry | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function hrMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines HrMobile gathers from the modules it builds on. */
export async function collectHrMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordSample: EmployeeRecord = { id: 10, employeeNumber: 'employeeNumber-9', fullName: 'fullName-10', salaryBand: 12, startDate: new Date(1701036800000) };
  lines.push(describeEmployeeRecord(employeeRecordSample));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which HrMobile reports to the platform console. */
export const HR_MOBILE_MODULE = 'HrMobile';

/** A one-line health report of HrMobile: time tracking on phones. */
export async function hrMobileHealth(): Promise<string> {
  const records = await loadTimeEntrys();
  const summary = summarizeTimeEntrys(records);
  const parts: string[] = [HR_MOBILE_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectHrMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
