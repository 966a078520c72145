import { log, saveEntity, setTimer } from '@platform/runtime';
import { summarizeStockMovements } from '@modules/InventoryService';
import { summarizeStockAlerts, loadStockAlerts } from './records';
import { type StockAlert, STOCK_ALERTS_ENTITY } from './types';

export { describeStockAlert, summarizeStockAlerts, loadStockAlerts } from './records';
export { STOCK_ALERTS_ENTITY } from './types';
export type { StockAlert, StockAlertSummary } from './types';

/** Registers the periodic refresh of StockAlerts. */
export function startStockAlertsJobs(): void {
  setTimer('StockAlerts.refresh', 540000, async () => {
    const records = await loadStockAlerts();
    log('StockAlerts: refreshed ' + records.length + ' Stock Alert records');
  });
}

/** Stores a Stock Alert; resolves to its id. */
export async function saveStockAlert(value: StockAlert): Promise<number> {
  const id = await saveEntity(STOCK_ALERTS_ENTITY, { ...value });
  log('StockAlerts: saved Stock Alert ' + id);
  return id;
}

/** Context lines StockAlerts gathers from the modules it builds on. */
export async function collectStockAlertsContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockMovementSummary = summarizeStockMovements([{ id: 9, sku: 'sku-8', warehouse: 'warehouse-9', quantity: 11 }]);
  lines.push(stockMovementSummary.count + ' from InventoryService: ' + stockMovementSummary.labels.join('; '));
  return lines;
}

/** Name under which StockAlerts reports to the platform console. */
export const STOCK_ALERTS_MODULE = 'StockAlerts';

/** A one-line health report of StockAlerts: low-stock alerts. */
export async function stockAlertsHealth(): Promise<string> {
  const records = await loadStockAlerts();
  const summary = summarizeStockAlerts(records);
  const parts: string[] = [STOCK_ALERTS_MODULE, summary.count + ' records'];
  const context = await collectStockAlertsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
