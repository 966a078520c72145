/** A Setting record as CommonLib stores it. */
export interface AppSetting {
  id: number;
  key: string;
  value: string;
  updatedAt: Date;
}

/** What CommonLib reports about a batch of Setting records. */
export interface AppSettingSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CommonLib stores its records. */
export const COMMON_LIB_ENTITY = 'CommonLib.Setting';
