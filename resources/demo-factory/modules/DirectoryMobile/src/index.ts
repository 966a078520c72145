import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { describeDirectoryPerson, type DirectoryPerson } from '@modules/Directory';
import { summarizePhoneBookEntrys, loadPhoneBookEntrys } from './records';
import type { PhoneBookEntry } from './types';

export { describePhoneBookEntry, summarizePhoneBookEntrys, loadPhoneBookEntrys } from './records';
export { DIRECTORY_MOBILE_ENTITY } from './types';
export type { PhoneBookEntry, PhoneBookEntrySummary } from './types';

const cache = new Map<number, PhoneBookEntry>();
let lastSync = 0;

/** Downloads the user's Phone Book Entry records for offline use; resolves to how many. */
export async function syncDirectoryMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadPhoneBookEntrys({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('DirectoryMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedPhoneBookEntry(id: number): PhoneBookEntry | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function directoryMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines DirectoryMobile gathers from the modules it builds on. */
export async function collectDirectoryMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const directoryPersonSample: DirectoryPerson = { id: 10, fullName: 'fullName-9', email: 'email-10', department: 'department-11', active: true };
  lines.push(describeDirectoryPerson(directoryPersonSample));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which DirectoryMobile reports to the platform console. */
export const DIRECTORY_MOBILE_MODULE = 'DirectoryMobile';

/** A one-line health report of DirectoryMobile: the phone book app. */
export async function directoryMobileHealth(): Promise<string> {
  const records = await loadPhoneBookEntrys();
  const summary = summarizePhoneBookEntrys(records);
  const parts: string[] = [DIRECTORY_MOBILE_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectDirectoryMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
