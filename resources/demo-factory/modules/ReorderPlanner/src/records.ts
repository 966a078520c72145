import { queryEntities } from '@platform/runtime';
import { type ReorderProposal, type ReorderProposalSummary, REORDER_PLANNER_ENTITY } from './types';

/** One line describing a Reorder Proposal, for logs and lists. */
export function describeReorderProposal(value: ReorderProposal): string {
  return 'Reorder Proposal #' + value.id + ': ' + [value.sku, value.warehouse, String(value.quantity)].join(' | ');
}

/** Counts and labels a batch of Reorder Proposal records. */
export function summarizeReorderProposals(values: ReorderProposal[]): ReorderProposalSummary {
  const labels = values.map((value) => describeReorderProposal(value));
  return { count: values.length, labels };
}

/** Reads Reorder Proposal records, oldest first. */
export async function loadReorderProposals(filter?: Record<string, unknown>): Promise<ReorderProposal[]> {
  const rows = await queryEntities<ReorderProposal>(REORDER_PLANNER_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
