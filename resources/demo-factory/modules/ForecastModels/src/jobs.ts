import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadForecastPoints } from './records';
import { type ForecastPoint, FORECAST_MODELS_ENTITY } from './types';

/** Registers the periodic refresh of ForecastModels. */
export function startForecastModelsJobs(): void {
  setTimer('ForecastModels.refresh', 180000, async () => {
    const records = await loadForecastPoints();
    log('ForecastModels: refreshed ' + records.length + ' Forecast Point records');
  });
}

/** Stores a Forecast Point; resolves to its id. */
export async function saveForecastPoint(value: ForecastPoint): Promise<number> {
  const id = await saveEntity(FORECAST_MODELS_ENTITY, { ...value });
  log('ForecastModels: saved Forecast Point ' + id);
  return id;
}
