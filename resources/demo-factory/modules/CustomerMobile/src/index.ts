import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { summarizeCustomerRecords } from '@modules/CustomerCore';
import { summarizeVisitNotes, loadVisitNotes } from './records';
import type { VisitNote } from './types';

export { describeVisitNote, summarizeVisitNotes, loadVisitNotes } from './records';
export { CUSTOMER_MOBILE_ENTITY } from './types';
export type { VisitNote, VisitNoteSummary } from './types';

const cache = new Map<number, VisitNote>();
let lastSync = 0;

/** Downloads the user's Visit Note records for offline use; resolves to how many. */
export async function syncCustomerMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadVisitNotes({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('CustomerMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedVisitNote(id: number): VisitNote | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function customerMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines CustomerMobile gathers from the modules it builds on. */
export async function collectCustomerMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordSummary = summarizeCustomerRecords([{ id: 3, name: 'name-2', email: 'email-3', creditLimit: 5, active: false, segments: ['segments'] }]);
  lines.push(customerRecordSummary.count + ' from CustomerCore: ' + customerRecordSummary.labels.join('; '));
  return lines;
}

/** Name under which CustomerMobile reports to the platform console. */
export const CUSTOMER_MOBILE_MODULE = 'CustomerMobile';

/** A one-line health report of CustomerMobile: field sales visits. */
export async function customerMobileHealth(): Promise<string> {
  const records = await loadVisitNotes();
  const summary = summarizeVisitNotes(records);
  const parts: string[] = [CUSTOMER_MOBILE_MODULE, summary.count + ' records'];
  const context = await collectCustomerMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
