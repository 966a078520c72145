import { log, queryEntities } from '@platform/runtime';
import { loadStockLevels } from '@modules/StockModel';

/** A Bin record as WarehouseLib stores it. */
export interface WarehouseBin {
  id: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/** What WarehouseLib reports about a batch of Bin records. */
export interface WarehouseBinSummary {
  count: number;
  labels: string[];
}

/** Entity under which WarehouseLib stores its records. */
export const WAREHOUSE_LIB_ENTITY = 'WarehouseLib.Bin';

/** One line describing a Bin, for logs and lists. */
export function describeWarehouseBin(value: WarehouseBin): string {
  return 'Bin #' + value.id + ': ' + [value.sku, value.warehouse, String(value.quantity)].join(' | ');
}

/** Counts and labels a batch of Bin records. */
export function summarizeWarehouseBins(values: WarehouseBin[]): WarehouseBinSummary {
  const labels = values.map((value) => describeWarehouseBin(value));
  return { count: values.length, labels };
}

/** Reads Bin records, oldest first. */
export async function loadWarehouseBins(filter?: Record<string, unknown>): Promise<WarehouseBin[]> {
  const rows = await queryEntities<WarehouseBin>(WAREHOUSE_LIB_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** Problems that keep a Bin from being saved; empty when it is valid. */
export function validateWarehouseBin(value: WarehouseBin): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.sku.trim().length === 0) problems.push('sku is required');
  if (value.warehouse.trim().length === 0) problems.push('warehouse is required');
  if (!isFinite(value.quantity) || value.quantity < 0) problems.push('quantity must be a positive number');
  return problems;
}

/** Context lines WarehouseLib gathers from the modules it builds on. */
export async function collectWarehouseLibContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockLevelList = await loadStockLevels({ requestedBy: 'WarehouseLib' });
  lines.push('StockModel: ' + stockLevelList.length + ' records');
  lines.push(...stockLevelList.slice(0, 3).map((item) => String(item.warehouse)));
  return lines;
}

/** Name under which WarehouseLib reports to the platform console. */
export const WAREHOUSE_LIB_MODULE = 'WarehouseLib';

/** A one-line health report of WarehouseLib: warehouse bins. */
export async function warehouseLibHealth(): Promise<string> {
  const records = await loadWarehouseBins();
  const summary = summarizeWarehouseBins(records);
  const parts: string[] = [WAREHOUSE_LIB_MODULE, summary.count + ' records'];
  const context = await collectWarehouseLibContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
