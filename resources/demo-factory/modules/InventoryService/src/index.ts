import { log, httpGet, httpPost, formatDate, type HttpResponse } from '@platform/runtime';
import { summarizeAuditEntrys } from '@modules/AuditLib';
import { describeStockLevel, type StockLevel } from '@modules/StockModel';
import { loadWarehouseBins } from '@modules/WarehouseLib';
import { summarizeStockMovements, loadStockMovements } from './records';
import type { StockMovement } from './types';

export { describeStockMovement, summarizeStockMovements, loadStockMovements } from './records';
export { INVENTORY_SERVICE_ENTITY } from './types';
export type { StockMovement, StockMovementSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/stock-movement';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('InventoryService: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Stock Movement from the partner system. */
export async function fetchStockMovement(id: number): Promise<StockMovement | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as StockMovement;
}

/** Sends a Stock Movement to the partner system; true when it was accepted. */
export async function pushStockMovement(value: StockMovement): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines InventoryService gathers from the modules it builds on. */
export async function collectInventoryServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockLevelSample: StockLevel = { id: 10, sku: 'sku-9', warehouse: 'warehouse-10', quantity: 12 };
  lines.push(describeStockLevel(stockLevelSample));
  const warehouseBinList = await loadWarehouseBins({ requestedBy: 'InventoryService' });
  lines.push('WarehouseLib: ' + warehouseBinList.length + ' records');
  lines.push(...warehouseBinList.slice(0, 3).map((item) => String(item.warehouse)));
  const auditEntrySummary = summarizeAuditEntrys([{ id: 24, actor: 'actor-23', action: 'action-24', occurredAt: new Date(1702160000000) }]);
  lines.push(auditEntrySummary.count + ' from AuditLib: ' + auditEntrySummary.labels.join('; '));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which InventoryService reports to the platform console. */
export const INVENTORY_SERVICE_MODULE = 'InventoryService';

/** A one-line health report of InventoryService: stock movements. */
export async function inventoryServiceHealth(): Promise<string> {
  const records = await loadStockMovements();
  const summary = summarizeStockMovements(records);
  const parts: string[] = [INVENTORY_SERVICE_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectInventoryServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
