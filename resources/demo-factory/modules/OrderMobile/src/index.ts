import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { loadSalesOrders } from '@modules/OrderService';
import { summarizeMobileOrders, loadMobileOrders } from './records';
import type { MobileOrder } from './types';

export { describeMobileOrder, summarizeMobileOrders, loadMobileOrders } from './records';
export { ORDER_MOBILE_ENTITY } from './types';
export type { MobileOrder, MobileOrderSummary } from './types';

const cache = new Map<number, MobileOrder>();
let lastSync = 0;

/** Downloads the user's Mobile Order records for offline use; resolves to how many. */
export async function syncOrderMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadMobileOrders({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('OrderMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedMobileOrder(id: number): MobileOrder | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function orderMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines OrderMobile gathers from the modules it builds on. */
export async function collectOrderMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const salesOrderList = await loadSalesOrders({ requestedBy: 'OrderMobile' });
  lines.push('OrderService: ' + salesOrderList.length + ' records');
  lines.push(...salesOrderList.slice(0, 3).map((item) => String(item.placedAt)));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which OrderMobile reports to the platform console. */
export const ORDER_MOBILE_MODULE = 'OrderMobile';

/** A one-line health report of OrderMobile: orders on the road. */
export async function orderMobileHealth(): Promise<string> {
  const records = await loadMobileOrders();
  const summary = summarizeMobileOrders(records);
  const parts: string[] = [ORDER_MOBILE_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectOrderMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
