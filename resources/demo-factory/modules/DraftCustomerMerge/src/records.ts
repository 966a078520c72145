import { queryEntities } from '@platform/runtime';
import { type MergeCandidate, type MergeCandidateSummary, DRAFT_CUSTOMER_MERGE_ENTITY } from './types';

/** One line describing a Merge Candidate, for logs and lists. */
export function describeMergeCandidate(value: MergeCandidate): string {
  return 'Merge Candidate #' + value.id + ': ' + [value.name, value.email, value.creditLimit.toFixed(2), (value.active ? 'active' : 'not active')].join(' | ');
}

/** Counts and labels a batch of Merge Candidate records. */
export function summarizeMergeCandidates(values: MergeCandidate[]): MergeCandidateSummary {
  const labels = values.map((value) => describeMergeCandidate(value));
  return { count: values.length, labels };
}

/** Reads Merge Candidate records, oldest first. */
export async function loadMergeCandidates(filter?: Record<string, unknown>): Promise<MergeCandidate[]> {
  const rows = await queryEntities<MergeCandidate>(DRAFT_CUSTOMER_MERGE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
