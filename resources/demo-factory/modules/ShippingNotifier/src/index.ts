import { log, httpGet, httpPost, getCurrentUser, sendMailLegacy, type HttpResponse } from '@platform/runtime';
import { loadShipments } from '@modules/ShipmentService';
import { describeDispatchNotice, summarizeDispatchNotices, loadDispatchNotices } from './records';
import type { DispatchNotice } from './types';

export { describeDispatchNotice, summarizeDispatchNotices, loadDispatchNotices } from './records';
export { SHIPPING_NOTIFIER_ENTITY } from './types';
export type { DispatchNotice, DispatchNoticeSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/dispatch-notice';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('ShippingNotifier: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Dispatch Notice from the partner system. */
export async function fetchDispatchNotice(id: number): Promise<DispatchNotice | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as DispatchNotice;
}

/** Sends a Dispatch Notice to the partner system; true when it was accepted. */
export async function pushDispatchNotice(value: DispatchNotice): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines ShippingNotifier gathers from the modules it builds on. */
export async function collectShippingNotifierContext(): Promise<string[]> {
  const lines: string[] = [];
  const shipmentList = await loadShipments({ requestedBy: 'ShippingNotifier' });
  lines.push('ShipmentService: ' + shipmentList.length + ' records');
  lines.push(...shipmentList.slice(0, 3).map((item) => String(item.shippedAt)));
  return lines;
}

/** Mails the current user that a Dispatch Notice changed. */
export function notifyShippingNotifierOwner(value: DispatchNotice): void {
  const user = getCurrentUser();
  sendMailLegacy(user.email, 'Dispatch Notice changed: ' + describeDispatchNotice(value));
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which ShippingNotifier reports to the platform console. */
export const SHIPPING_NOTIFIER_MODULE = 'ShippingNotifier';

/** A one-line health report of ShippingNotifier: dispatch mails. */
export async function shippingNotifierHealth(): Promise<string> {
  const records = await loadDispatchNotices();
  const summary = summarizeDispatchNotices(records);
  const parts: string[] = [SHIPPING_NOTIFIER_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectShippingNotifierContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
