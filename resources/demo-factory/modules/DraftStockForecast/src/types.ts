/** A Forecast record as DraftStockForecast stores it. */
export interface StockForecast {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What DraftStockForecast reports about a batch of Forecast records. */
export interface StockForecastSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftStockForecast stores its records. */
export const DRAFT_STOCK_FORECAST_ENTITY = 'DraftStockForecast.Forecast';
