import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadOrderDrafts } from '@modules/OrderModel';
import { summarizeEdiOrders, loadEdiOrders } from './records';
import { type EdiOrder, ORDER_IMPORT_ENTITY } from './types';

export { describeEdiOrder, summarizeEdiOrders, loadEdiOrders } from './records';
export { ORDER_IMPORT_ENTITY } from './types';
export type { EdiOrder, EdiOrderSummary } from './types';

/** Registers the periodic refresh of OrderImport. */
export function startOrderImportJobs(): void {
  setTimer('OrderImport.refresh', 300000, async () => {
    const records = await loadEdiOrders();
    log('OrderImport: refreshed ' + records.length + ' EDI Order records');
  });
}

/** Stores a EDI Order; resolves to its id. */
export async function saveEdiOrder(value: EdiOrder): Promise<number> {
  const id = await saveEntity(ORDER_IMPORT_ENTITY, { ...value });
  log('OrderImport: saved EDI Order ' + id);
  return id;
}

/** Context lines OrderImport gathers from the modules it builds on. */
export async function collectOrderImportContext(): Promise<string[]> {
  const lines: string[] = [];
  const orderDraftList = await loadOrderDrafts({ requestedBy: 'OrderImport' });
  lines.push('OrderModel: ' + orderDraftList.length + ' records');
  lines.push(...orderDraftList.slice(0, 3).map((item) => String(item.orderNumber)));
  return lines;
}

/** Name under which OrderImport reports to the platform console. */
export const ORDER_IMPORT_MODULE = 'OrderImport';

/** A one-line health report of OrderImport: EDI order import. */
export async function orderImportHealth(): Promise<string> {
  const records = await loadEdiOrders();
  const summary = summarizeEdiOrders(records);
  const parts: string[] = [ORDER_IMPORT_MODULE, summary.count + ' records'];
  const context = await collectOrderImportContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
