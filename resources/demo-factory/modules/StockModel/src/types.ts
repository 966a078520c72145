/** A Stock Level record as StockModel stores it. */
export interface StockLevel {
  id: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/** What StockModel reports about a batch of Stock Level records. */
export interface StockLevelSummary {
  count: number;
  labels: string[];
}

/** Entity under which StockModel stores its records. */
export const STOCK_MODEL_ENTITY = 'StockModel.StockLevel';
