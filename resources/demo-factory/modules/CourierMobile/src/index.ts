import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { summarizeShipments } from '@modules/ShipmentService';
import { summarizeDeliveryStops, loadDeliveryStops } from './records';
import type { DeliveryStop } from './types';

export { describeDeliveryStop, summarizeDeliveryStops, loadDeliveryStops } from './records';
export { COURIER_MOBILE_ENTITY } from './types';
export type { DeliveryStop, DeliveryStopSummary } from './types';

const cache = new Map<number, DeliveryStop>();
let lastSync = 0;

/** Downloads the user's Delivery Stop records for offline use; resolves to how many. */
export async function syncCourierMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadDeliveryStops({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('CourierMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedDeliveryStop(id: number): DeliveryStop | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function courierMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines CourierMobile gathers from the modules it builds on. */
export async function collectCourierMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const shipmentSummary = summarizeShipments([{ id: 12, trackingNumber: 'trackingNumber-11', carrier: 'carrier-12', weightKg: 14, shippedAt: new Date(1701209600000) }]);
  lines.push(shipmentSummary.count + ' from ShipmentService: ' + shipmentSummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which CourierMobile reports to the platform console. */
export const COURIER_MOBILE_MODULE = 'CourierMobile';

/** A one-line health report of CourierMobile: the courier app. */
export async function courierMobileHealth(): Promise<string> {
  const records = await loadDeliveryStops();
  const summary = summarizeDeliveryStops(records);
  const parts: string[] = [COURIER_MOBILE_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectCourierMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
