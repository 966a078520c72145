import { log, queryEntities, formatDate, getCurrentUser } from '@platform/runtime';
import { summarizeStockMovements } from '@modules/InventoryService';
import { type ScanEvent, type ScanEventSummary, INVENTORY_SCANNER_ENTITY } from './types';

export { INVENTORY_SCANNER_ENTITY } from './types';
export type { ScanEvent, ScanEventSummary } from './types';

/** One line describing a Scan, for logs and lists. */
export function describeScanEvent(value: ScanEvent): string {
  const parts: string[] = [];
  parts.push(value.sku);
  parts.push(value.warehouse);
  parts.push(String(value.quantity));
  return 'Scan ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Scan records. */
export function summarizeScanEvents(values: ScanEvent[]): ScanEventSummary {
  const labels = values.map((value) => describeScanEvent(value));
  return { count: values.length, labels };
}

/** Reads Scan records, oldest first. */
export async function loadScanEvents(filter?: Record<string, unknown>): Promise<ScanEvent[]> {
  const rows = await queryEntities<ScanEvent>(INVENTORY_SCANNER_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

const cache = new Map<number, ScanEvent>();
let lastSync = 0;

/** Downloads the user's Scan records for offline use; resolves to how many. */
export async function syncInventoryScannerOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadScanEvents({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('InventoryScanner: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedScanEvent(id: number): ScanEvent | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function inventoryScannerLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines InventoryScanner gathers from the modules it builds on. */
export async function collectInventoryScannerContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockMovementSummary = summarizeStockMovements([{ id: 12, sku: 'sku-11', warehouse: 'warehouse-12', quantity: 14 }]);
  lines.push(stockMovementSummary.count + ' from InventoryService: ' + stockMovementSummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which InventoryScanner reports to the platform console. */
export const INVENTORY_SCANNER_MODULE = 'InventoryScanner';

/** A one-line health report of InventoryScanner: barcode scanning. */
export async function inventoryScannerHealth(): Promise<string> {
  const records = await loadScanEvents();
  const summary = summarizeScanEvents(records);
  const parts: string[] = [INVENTORY_SCANNER_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectInventoryScannerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
