import { log, formatDate } from '@platform/runtime';
import { describeSalesOrder, type SalesOrder } from '@modules/OrderService';
import { summarizeOrderLineViews, loadOrderLineViews } from './records';

export { canEditOrderLineView, buildOrderWebDashboard } from './dashboard';
export type { OrderWebDashboard } from './dashboard';
export { describeOrderLineView, summarizeOrderLineViews, loadOrderLineViews } from './records';
export { ORDER_WEB_ENTITY } from './types';
export type { OrderLineView, OrderLineViewSummary } from './types';

/** Context lines OrderWeb gathers from the modules it builds on. */
export async function collectOrderWebContext(): Promise<string[]> {
  const lines: string[] = [];
  const salesOrderSample: SalesOrder = { id: 10, orderNumber: 'orderNumber-9', customerId: 11, total: 12, placedAt: new Date(1701036800000) };
  lines.push(describeSalesOrder(salesOrderSample));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which OrderWeb reports to the platform console. */
export const ORDER_WEB_MODULE = 'OrderWeb';

/** A one-line health report of OrderWeb: order entry pages. */
export async function orderWebHealth(): Promise<string> {
  const records = await loadOrderLineViews();
  const summary = summarizeOrderLineViews(records);
  const parts: string[] = [ORDER_WEB_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectOrderWebContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
