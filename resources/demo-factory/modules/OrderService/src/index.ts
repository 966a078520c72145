import { log } from '@platform/runtime';
import { collectOrderServiceContext } from './dependencies';
import { summarizeSalesOrders, loadSalesOrders } from './records';

export { collectOrderServiceContext } from './dependencies';
export { startOrderServiceJobs, saveSalesOrder } from './jobs';
export { describeSalesOrder, summarizeSalesOrders, loadSalesOrders } from './records';
export { ORDER_SERVICE_ENTITY } from './types';
export type { SalesOrder, SalesOrderSummary } from './types';

/** Name under which OrderService reports to the platform console. */
export const ORDER_SERVICE_MODULE = 'OrderService';

/** A one-line health report of OrderService: order processing. */
export async function orderServiceHealth(): Promise<string> {
  const records = await loadSalesOrders();
  const summary = summarizeSalesOrders(records);
  const parts: string[] = [ORDER_SERVICE_MODULE, summary.count + ' records'];
  const context = await collectOrderServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
