import { log } from '@platform/runtime';
import { loadCustomerRecords } from '@modules/CustomerCore';
import { summarizeMergeCandidates, loadMergeCandidates } from './records';

export { startDraftCustomerMergeJobs, saveMergeCandidate } from './jobs';
export { describeMergeCandidate, summarizeMergeCandidates, loadMergeCandidates } from './records';
export { DRAFT_CUSTOMER_MERGE_ENTITY } from './types';
export type { MergeCandidate, MergeCandidateSummary } from './types';

/** Context lines DraftCustomerMerge gathers from the modules it builds on. */
export async function collectDraftCustomerMergeContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordList = await loadCustomerRecords({ requestedBy: 'DraftCustomerMerge' });
  lines.push('CustomerCore: ' + customerRecordList.length + ' records');
  lines.push(...customerRecordList.slice(0, 3).map((item) => String(item.name)));
  return lines;
}

/** Name under which DraftCustomerMerge reports to the platform console. */
export const DRAFT_CUSTOMER_MERGE_MODULE = 'DraftCustomerMerge';

/** A one-line health report of DraftCustomerMerge: duplicate merging (draft). */
export async function draftCustomerMergeHealth(): Promise<string> {
  const records = await loadMergeCandidates();
  const summary = summarizeMergeCandidates(records);
  const parts: string[] = [DRAFT_CUSTOMER_MERGE_MODULE, summary.count + ' records'];
  const context = await collectDraftCustomerMergeContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
