/** A Stock Movement record as InventoryService stores it. */
export interface StockMovement {
  id: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/** What InventoryService reports about a batch of Stock Movement records. */
export interface StockMovementSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which InventoryService stores its records. */
export const INVENTORY_SERVICE_ENTITY = 'InventoryService.StockMovement';
