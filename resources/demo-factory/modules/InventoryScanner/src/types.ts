/** A Scan record as InventoryScanner stores it. */
export interface ScanEvent {
  id: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/** What InventoryScanner reports about a batch of Scan records. */
export interface ScanEventSummary {
  count: number;
  labels: string[];
}

/** Entity under which InventoryScanner stores its records. */
export const INVENTORY_SCANNER_ENTITY = 'InventoryScanner.Scan';
