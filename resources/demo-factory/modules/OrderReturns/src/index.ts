import { log } from '@platform/runtime';
import { collectOrderReturnsContext } from './dependencies';
import { summarizeReturnRequests, loadReturnRequests } from './records';

export { collectOrderReturnsContext } from './dependencies';
export { startOrderReturnsJobs, saveReturnRequest } from './jobs';
export { describeReturnRequest, summarizeReturnRequests, loadReturnRequests } from './records';
export { ORDER_RETURNS_ENTITY } from './types';
export type { ReturnRequest, ReturnRequestSummary } from './types';

/** Name under which OrderReturns reports to the platform console. */
export const ORDER_RETURNS_MODULE = 'OrderReturns';

/** A one-line health report of OrderReturns: returns and refunds. */
export async function orderReturnsHealth(): Promise<string> {
  const records = await loadReturnRequests();
  const summary = summarizeReturnRequests(records);
  const parts: string[] = [ORDER_RETURNS_MODULE, summary.count + ' records'];
  const context = await collectOrderReturnsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
