import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadReorderProposals } from './records';
import { type ReorderProposal, REORDER_PLANNER_ENTITY } from './types';

/** Registers the periodic refresh of ReorderPlanner. */
export function startReorderPlannerJobs(): void {
  setTimer('ReorderPlanner.refresh', 300000, async () => {
    const records = await loadReorderProposals();
    log('ReorderPlanner: refreshed ' + records.length + ' Reorder Proposal records');
  });
}

/** Stores a Reorder Proposal; resolves to its id. */
export async function saveReorderProposal(value: ReorderProposal): Promise<number> {
  const id = await saveEntity(REORDER_PLANNER_ENTITY, { ...value });
  log('ReorderPlanner: saved Reorder Proposal ' + id);
  return id;
}
