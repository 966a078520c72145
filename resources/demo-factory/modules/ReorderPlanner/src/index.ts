import { log } from '@platform/runtime';
import { collectReorderPlannerContext } from './dependencies';
import { summarizeReorderProposals, loadReorderProposals } from './records';

export { collectReorderPlannerContext } from './dependencies';
export { startReorderPlannerJobs, saveReorderProposal } from './jobs';
export { describeReorderProposal, summarizeReorderProposals, loadReorderProposals } from './records';
export { REORDER_PLANNER_ENTITY } from './types';
export type { ReorderProposal, ReorderProposalSummary } from './types';

/** Name under which ReorderPlanner reports to the platform console. */
export const REORDER_PLANNER_MODULE = 'ReorderPlanner';

/** A one-line health report of ReorderPlanner: reorder proposals. */
export async function reorderPlannerHealth(): Promise<string> {
  const records = await loadReorderProposals();
  const summary = summarizeReorderProposals(records);
  const parts: string[] = [REORDER_PLANNER_MODULE, summary.count + ' records'];
  const context = await collectReorderPlannerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
