import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadSettlements } from './records';
import { type Settlement, PAYMENT_SERVICE_ENTITY } from './types';

/** Registers the periodic refresh of PaymentService. */
export function startPaymentServiceJobs(): void {
  setTimer('PaymentService.refresh', 420000, async () => {
    const records = await loadSettlements();
    log('PaymentService: refreshed ' + records.length + ' Settlement records');
  });
}

/** Stores a Settlement; resolves to its id. */
export async function saveSettlement(value: Settlement): Promise<number> {
  const id = await saveEntity(PAYMENT_SERVICE_ENTITY, { ...value });
  log('PaymentService: saved Settlement ' + id);
  return id;
}
