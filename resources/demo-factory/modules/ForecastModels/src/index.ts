import { log } from '@platform/runtime';
import { summarizeTrackedEvents } from '@modules/EventTracking';
import { summarizeForecastPoints, loadForecastPoints } from './records';

export { startForecastModelsJobs, saveForecastPoint } from './jobs';
export { describeForecastPoint, summarizeForecastPoints, loadForecastPoints } from './records';
export { FORECAST_MODELS_ENTITY, FORECAST_MODELS_MAX_BATCH } from './types';
export type { ForecastPoint, ForecastPointSummary } from './types';

/** Context lines ForecastModels gathers from the modules it builds on. */
export async function collectForecastModelsContext(): Promise<string[]> {
  const lines: string[] = [];
  const trackedEventSummary = summarizeTrackedEvents([{ id: 3, name: 'name-2', source: 'source-3', count: 5, recordedAt: new Date(1700432000000) }]);
  lines.push(trackedEventSummary.count + ' from EventTracking: ' + trackedEventSummary.labels.join('; '));
  return lines;
}

/** Name under which ForecastModels reports to the platform console. */
export const FORECAST_MODELS_MODULE = 'ForecastModels';

/** A one-line health report of ForecastModels: forecasting models. */
export async function forecastModelsHealth(): Promise<string> {
  const records = await loadForecastPoints();
  const summary = summarizeForecastPoints(records);
  const parts: string[] = [FORECAST_MODELS_MODULE, summary.count + ' records'];
  const context = await collectForecastModelsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
