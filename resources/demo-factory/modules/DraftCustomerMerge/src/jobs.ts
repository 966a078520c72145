import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadMergeCandidates } from './records';
import { type MergeCandidate, DRAFT_CUSTOMER_MERGE_ENTITY } from './types';

/** Registers the periodic refresh of DraftCustomerMerge. */
export function startDraftCustomerMergeJobs(): void {
  setTimer('DraftCustomerMerge.refresh', 660000, async () => {
    const records = await loadMergeCandidates();
    log('DraftCustomerMerge: refreshed ' + records.length + ' Merge Candidate records');
  });
}

/** Stores a Merge Candidate; resolves to its id. */
export async function saveMergeCandidate(value: MergeCandidate): Promise<number> {
  const id = await saveEntity(DRAFT_CUSTOMER_MERGE_ENTITY, { ...value });
  log('DraftCustomerMerge: saved Merge Candidate ' + id);
  return id;
}
