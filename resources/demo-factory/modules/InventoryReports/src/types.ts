/** A Stock Valuation record as InventoryReports stores it. */
export interface StockValuation {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What InventoryReports reports about a batch of Stock Valuation records. */
export interface StockValuationSummary {
  count: number;
  labels: string[];
}

/** Entity under which InventoryReports stores its records. */
export const INVENTORY_REPORTS_ENTITY = 'InventoryReports.StockValuation';
