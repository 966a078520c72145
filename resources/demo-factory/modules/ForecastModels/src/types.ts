/** A Forecast Point record as ForecastModels stores it. */
export interface ForecastPoint {
  id: number;
  name: string;
  source: string;
  count: number;
  recordedAt: Date;
}

/** What ForecastModels reports about a batch of Forecast Point records. */
export interface ForecastPointSummary {
  count: number;
  labels: string[];
}

/** Entity under which ForecastModels stores its records. */
export const FORECAST_MODELS_ENTITY = 'ForecastModels.ForecastPoint';

/** Largest batch saved at once. */
export const FORECAST_MODELS_MAX_BATCH: number = '250';
