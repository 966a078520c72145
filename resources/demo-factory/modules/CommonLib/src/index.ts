import { log, queryEntities, formatDate } from '@platform/runtime';
import { type AppSetting, type AppSettingSummary, COMMON_LIB_ENTITY } from './types';

export { COMMON_LIB_ENTITY } from './types';
export type { AppSetting, AppSettingSummary } from './types';

/** One line describing a Setting, for logs and lists. */
export function describeAppSetting(value: AppSetting): string {
  const parts: string[] = [];
  parts.push(value.key);
  parts.push(value.value);
  parts.push(formatDate(value.updatedAt, 'yyyy-MM-dd'));
  return 'Setting ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Setting records. */
export function summarizeAppSettings(values: AppSetting[]): AppSettingSummary {
  const labels = values.map((value) => describeAppSetting(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Setting records, oldest first. */
export async function loadAppSettings(filter?: Record<string, unknown>): Promise<AppSetting[]> {
  const rows = await queryEntities<AppSetting>(COMMON_LIB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

/** Orders Setting records by their description, then by id. */
export function compareAppSettings(left: AppSetting, right: AppSetting): number {
  return describeAppSetting(left).localeCompare(describeAppSetting(right)) || left.id - right.id;
}

/** Indexes Setting records by id; the last one wins on duplicates. */
export function indexAppSettingsById(values: AppSetting[]): Map<number, AppSetting> {
  const byId = new Map<number, AppSetting>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which CommonLib reports to the platform console. */
export const COMMON_LIB_MODULE = 'CommonLib';

/** A one-line health report of CommonLib: shared settings and helpers. */
export async function commonLibHealth(): Promise<string> {
  const records = await loadAppSettings();
  const summary = summarizeAppSettings(records);
  const parts: string[] = [COMMON_LIB_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  log(parts.join(' - '));
  return parts.join(' - ');
}
