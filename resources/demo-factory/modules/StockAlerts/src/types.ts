/** A Stock Alert record as StockAlerts stores it. */
export interface StockAlert {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What StockAlerts reports about a batch of Stock Alert records. */
export interface StockAlertSummary {
  count: number;
  labels: string[];
}

/** Entity under which StockAlerts stores its records. */
export const STOCK_ALERTS_ENTITY = 'StockAlerts.StockAlert';
