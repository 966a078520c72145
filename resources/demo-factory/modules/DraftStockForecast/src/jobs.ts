import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadStockForecasts } from './records';
import { type StockForecast, DRAFT_STOCK_FORECAST_ENTITY } from './types';

/** Registers the periodic refresh of DraftStockForecast. */
export function startDraftStockForecastJobs(): void {
  setTimer('DraftStockForecast.refresh', 660000, async () => {
    const records = await loadStockForecasts();
    log('DraftStockForecast: refreshed ' + records.length + ' Forecast records');
  });
}

/** Stores a Forecast; resolves to its id. */
export async function saveStockForecast(value: StockForecast): Promise<number> {
  const id = await saveEntity(DRAFT_STOCK_FORECAST_ENTITY, { ...value });
  log('DraftStockForecast: saved Forecast ' + id);
  return id;
}
