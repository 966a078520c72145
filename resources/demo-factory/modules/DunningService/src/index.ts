import { log } from '@platform/runtime';
import { collectDunningServiceContext } from './dependencies';
import { summarizeDunningNotices, loadDunningNotices } from './records';

export { collectDunningServiceContext } from './dependencies';
export { startDunningServiceJobs, saveDunningNotice } from './jobs';
export { describeDunningNotice, summarizeDunningNotices, loadDunningNotices } from './records';
export { DUNNING_SERVICE_ENTITY } from './types';
export type { DunningNotice, DunningNoticeSummary } from './types';

/** Name under which DunningService reports to the platform console. */
export const DUNNING_SERVICE_MODULE = 'DunningService';

/** A one-line health report of DunningService: payment reminders. */
export async function dunningServiceHealth(): Promise<string> {
  const records = await loadDunningNotices();
  const summary = summarizeDunningNotices(records);
  const parts: string[] = [DUNNING_SERVICE_MODULE, summary.count + ' records'];
  const context = await collectDunningServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
