import { log, httpGet, httpPost, formatDate, type HttpResponse } from '@platform/runtime';
import { loadNotificationJobs } from '@modules/NotificationHub';
import { describeSalesOrder, type SalesOrder } from '@modules/OrderService';
import { summarizeOrderNotices, loadOrderNotices } from './records';
import type { OrderNotice } from './types';

export { describeOrderNotice, summarizeOrderNotices, loadOrderNotices } from './records';
export { ORDER_NOTIFICATIONS_ENTITY } from './types';
export type { OrderNotice, OrderNoticeSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/order-notice';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('OrderNotifications: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Order Notice from the partner system. */
export async function fetchOrderNotice(id: number): Promise<OrderNotice | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as OrderNotice;
}

/** Sends a Order Notice to the partner system; true when it was accepted. */
export async function pushOrderNotice(value: OrderNotice): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines OrderNotifications gathers from the modules it builds on. */
export async function collectOrderNotificationsContext(): Promise<string[]> {
  const lines: string[] = [];
  const salesOrderSample: SalesOrder = { id: 10, orderNumber: 'orderNumber-9', customerId: 11, total: 12, placedAt: new Date(1701036800000) };
  lines.push(describeSalesOrder(salesOrderSample));
  const notificationJobList = await loadNotificationJobs({ requestedBy: 'OrderNotifications' });
  lines.push('NotificationHub: ' + notificationJobList.length + ' records');
  lines.push(...notificationJobList.slice(0, 3).map((item) => String(item.recipient)));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which OrderNotifications reports to the platform console. */
export const ORDER_NOTIFICATIONS_MODULE = 'OrderNotifications';

/** A one-line health report of OrderNotifications: order confirmations. */
export async function orderNotificationsHealth(): Promise<string> {
  const records = await loadOrderNotices();
  const summary = summarizeOrderNotices(records);
  const parts: string[] = [ORDER_NOTIFICATIONS_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectOrderNotificationsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
