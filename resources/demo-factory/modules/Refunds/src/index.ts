import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadOrderDrafts } from '@modules/OrderModel';
import { describeSettlement, type Settlement } from '@modules/PaymentService';
import { summarizeRefundRequests, loadRefundRequests } from './records';
import { type RefundRequest, REFUNDS_ENTITY } from './types';

export { describeRefundRequest, summarizeRefundRequests, loadRefundRequests } from './records';
export { REFUNDS_ENTITY } from './types';
export type { RefundRequest, RefundRequestSummary } from './types';

/** Registers the periodic refresh of Refunds. */
export function startRefundsJobs(): void {
  setTimer('Refunds.refresh', 420000, async () => {
    const records = await loadRefundRequests();
    log('Refunds: refreshed ' + records.length + ' Refund records');
  });
}

/** Stores a Refund; resolves to its id. */
export async function saveRefundRequest(value: RefundRequest): Promise<number> {
  const id = await saveEntity(REFUNDS_ENTITY, { ...value });
  log('Refunds: saved Refund ' + id);
  return id;
}

/** Context lines Refunds gathers from the modules it builds on. */
export async function collectRefundsContext(): Promise<string[]> {
  const lines: string[] = [];
  const settlementSample: Settlement = { id: 7, reference: 'reference-6', amount: 8, currency: 'currency-8', settled: false };
  lines.push(describeSettlement(settlementSample));
  const orderDraftList = await loadOrderDrafts({ requestedBy: 'Refunds' });
  lines.push('OrderModel: ' + orderDraftList.length + ' records');
  lines.push(...orderDraftList.slice(0, 3).map((item) => String(item.customerId)));
  return lines;
}

/** Name under which Refunds reports to the platform console. */
export const REFUNDS_MODULE = 'Refunds';

/** A one-line health report of Refunds: refunds. */
export async function refundsHealth(): Promise<string> {
  const records = await loadRefundRequests();
  const summary = summarizeRefundRequests(records);
  const parts: string[] = [REFUNDS_MODULE, summary.count + ' records'];
  const context = await collectRefundsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
