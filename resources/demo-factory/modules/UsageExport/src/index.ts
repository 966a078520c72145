import { log, formatDate } from '@platform/runtime';
import { collectUsageExportContext } from './integrations';
import { summarizeUsageRecords, loadUsageRecords } from './records';

export { collectUsageExportContext } from './integrations';
export { fetchUsageRecord, pushUsageRecord } from './partner-client';
export { describeUsageRecord, summarizeUsageRecords, loadUsageRecords } from './records';
export { USAGE_EXPORT_ENTITY } from './types';
export type { UsageRecord, UsageRecordSummary } from './types';

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which UsageExport reports to the platform console. */
export const USAGE_EXPORT_MODULE = 'UsageExport';

/** A one-line health report of UsageExport: usage exports. */
export async function usageExportHealth(): Promise<string> {
  const records = await loadUsageRecords();
  const summary = summarizeUsageRecords(records);
  const parts: string[] = [USAGE_EXPORT_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectUsageExportContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
