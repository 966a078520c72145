import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadStockValuations } from './records';
import { type StockValuation, INVENTORY_REPORTS_ENTITY } from './types';

/** Registers the periodic refresh of InventoryReports. */
export function startInventoryReportsJobs(): void {
  setTimer('InventoryReports.refresh', 300000, async () => {
    const records = await loadStockValuations();
    log('InventoryReports: refreshed ' + records.length + ' Stock Valuation records');
  });
}

/** Stores a Stock Valuation; resolves to its id. */
export async function saveStockValuation(value: StockValuation): Promise<number> {
  const id = await saveEntity(INVENTORY_REPORTS_ENTITY, { ...value });
  log('InventoryReports: saved Stock Valuation ' + id);
  return id;
}
