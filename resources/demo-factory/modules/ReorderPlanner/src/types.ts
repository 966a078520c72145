/** A Reorder Proposal record as ReorderPlanner stores it. */
export interface ReorderProposal {
  id: number;
  sku: string;
  warehouse: string;
  quantity: number;
}

/** What ReorderPlanner reports about a batch of Reorder Proposal records. */
export interface ReorderProposalSummary {
  count: number;
  labels: string[];
}

/** Entity under which ReorderPlanner stores its records. */
export const REORDER_PLANNER_ENTITY = 'ReorderPlanner.ReorderProposal';
