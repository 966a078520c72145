import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadReturnRequests } from './records';
import { type ReturnRequest, ORDER_RETURNS_ENTITY } from './types';

/** Registers the periodic refresh of OrderReturns. */
export function startOrderReturnsJobs(): void {
  setTimer('OrderReturns.refresh', 660000, async () => {
    const records = await loadReturnRequests();
    log('OrderReturns: refreshed ' + records.length + ' Return records');
  });
}

/** Stores a Return; resolves to its id. */
export async function saveReturnRequest(value: ReturnRequest): Promise<number> {
  const id = await saveEntity(ORDER_RETURNS_ENTITY, { ...value });
  log('OrderReturns: saved Return ' + id);
  return id;
}
