/** A Stock Overview record as InventoryWeb stores it. */
export interface StockOverview {
  id: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/** What InventoryWeb reports about a batch of Stock Overview records. */
export interface StockOverviewSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which InventoryWeb stores its records. */
export const INVENTORY_WEB_ENTITY = 'InventoryWeb.StockOverview';
