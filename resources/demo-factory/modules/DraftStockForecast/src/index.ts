import { log } from '@platform/runtime';
import { loadStockMovements } from '@modules/InventoryService';
import { summarizeStockForecasts, loadStockForecasts } from './records';

export { startDraftStockForecastJobs, saveStockForecast } from './jobs';
export { describeStockForecast, summarizeStockForecasts, loadStockForecasts } from './records';
export { DRAFT_STOCK_FORECAST_ENTITY } from './types';
export type { StockForecast, StockForecastSummary } from './types';

/** Context lines DraftStockForecast gathers from the modules it builds on. */
export async function collectDraftStockForecastContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockMovementList = await loadStockMovements({ requestedBy: 'DraftStockForecast' });
  lines.push('InventoryService: ' + stockMovementList.length + ' records');
  lines.push(...stockMovementList.slice(0, 3).map((item) => String(item.warehouse)));
  return lines;
}

/** Name under which DraftStockForecast reports to the platform console. */
export const DRAFT_STOCK_FORECAST_MODULE = 'DraftStockForecast';

/** A one-line health report of DraftStockForecast: demand forecasting (draft). */
export async function draftStockForecastHealth(): Promise<string> {
  const records = await loadStockForecasts();
  const summary = summarizeStockForecasts(records);
  const parts: string[] = [DRAFT_STOCK_FORECAST_MODULE, summary.count + ' records'];
  const context = await collectDraftStockForecastContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
