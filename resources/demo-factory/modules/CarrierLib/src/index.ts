import { log, formatDate } from '@platform/runtime';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';
import { describeCarrierProfile, summarizeCarrierProfiles, loadCarrierProfiles } from './format';
import type { CarrierProfile } from './types';

export { describeCarrierProfile, summarizeCarrierProfiles, loadCarrierProfiles } from './format';
export { CARRIER_LIB_ENTITY } from './types';
export type { CarrierProfile, CarrierProfileSummary } from './types';

/** Orders Carrier records by their description, then by id. */
export function compareCarrierProfiles(left: CarrierProfile, right: CarrierProfile): number {
  return describeCarrierProfile(left).localeCompare(describeCarrierProfile(right)) || left.id - right.id;
}

/** Indexes Carrier records by id; the last one wins on duplicates. */
export function indexCarrierProfilesById(values: CarrierProfile[]): Map<number, CarrierProfile> {
  const byId = new Map<number, CarrierProfile>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines CarrierLib gathers from the modules it builds on. */
export async function collectCarrierLibContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSample: AppSetting = { id: 10, key: 'key-9', value: 'value-10', updatedAt: new Date(1700950400000) };
  lines.push(describeAppSetting(appSettingSample));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which CarrierLib reports to the platform console. */
export const CARRIER_LIB_MODULE = 'CarrierLib';

/** A one-line health report of CarrierLib: carrier profiles. */
export async function carrierLibHealth(): Promise<string> {
  const records = await loadCarrierProfiles();
  const summary = summarizeCarrierProfiles(records);
  const parts: string[] = [CARRIER_LIB_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectCarrierLibContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
