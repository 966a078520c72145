/** A Merge Candidate record as DraftCustomerMerge stores it. */
export interface MergeCandidate {
  id: number;
  name: string;
  email: string;
  creditLimit: number;
  active: boolean;
  segments: string[];
}

/** What DraftCustomerMerge reports about a batch of Merge Candidate records. */
export interface MergeCandidateSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftCustomerMerge stores its records. */
export const DRAFT_CUSTOMER_MERGE_ENTITY = 'DraftCustomerMerge.MergeCandidate';
