import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { loadTicketUpdates } from '@modules/TicketService';
import { summarizeOnSiteVisits, loadOnSiteVisits } from './records';
import type { OnSiteVisit } from './types';

export { describeOnSiteVisit, summarizeOnSiteVisits, loadOnSiteVisits } from './records';
export { SUPPORT_MOBILE_ENTITY } from './types';
export type { OnSiteVisit, OnSiteVisitSummary } from './types';

const cache = new Map<number, OnSiteVisit>();
let lastSync = 0;

/** Downloads the user's On-site Visit records for offline use; resolves to how many. */
export async function syncSupportMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadOnSiteVisits({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('SupportMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedOnSiteVisit(id: number): OnSiteVisit | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function supportMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines SupportMobile gathers from the modules it builds on. */
export async function collectSupportMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const ticketUpdateList = await loadTicketUpdates({ requestedBy: 'SupportMobile' });
  lines.push('TicketService: ' + ticketUpdateList.length + ' records');
  lines.push(...ticketUpdateList.slice(0, 3).map((item) => String(item.priority)));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which SupportMobile reports to the platform console. */
export const SUPPORT_MOBILE_MODULE = 'SupportMobile';

/** A one-line health report of SupportMobile: field service. */
export async function supportMobileHealth(): Promise<string> {
  const records = await loadOnSiteVisits();
  const summary = summarizeOnSiteVisits(records);
  const parts: string[] = [SUPPORT_MOBILE_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectSupportMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
