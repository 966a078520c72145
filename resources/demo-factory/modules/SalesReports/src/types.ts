/** A Sales Figure record as SalesReports stores it. */
export interface SalesFigure {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What SalesReports reports about a batch of Sales Figure records. */
export interface SalesFigureSummary {
  count: number;
  labels: string[];
}

/** Entity under which SalesReports stores its records. */
export const SALES_REPORTS_ENTITY = 'SalesReports.SalesFigure';
