import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadSalesOrders } from './records';
import { type SalesOrder, ORDER_SERVICE_ENTITY } from './types';

/** Registers the periodic refresh of OrderService. */
export function startOrderServiceJobs(): void {
  setTimer('OrderService.refresh', 420000, async () => {
    const records = await loadSalesOrders();
    log('OrderService: refreshed ' + records.length + ' Sales Order records');
  });
}

/** Stores a Sales Order; resolves to its id. */
export async function saveSalesOrder(value: SalesOrder): Promise<number> {
  const id = await saveEntity(ORDER_SERVICE_ENTITY, { ...value });
  log('OrderService: saved Sales Order ' + id);
  return id;
}
