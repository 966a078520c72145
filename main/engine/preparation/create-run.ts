import type { RunKind } from '../../../common/domain';
import { consumerChainLengths } from '../compilation/dependency-graph';
import { currentUser } from '../current-user';
import type { Db } from '../store/database';
import { findEligibleModules } from './eligibility';
import { createRun, insertItems } from './run-repository';

/**
 * Creates a run over every module eligible now (a preparation reuses the prepared ones, it doesn't compile
 * them again), each with its chain of consumers. Call it inside the caller's transaction (a lease's fenced
 * write, or a check's immediate one), so eligibility is one consistent snapshot of the module versions.
 */
export function createRunOverEligible(
  db: Db,
  run: { kind: RunKind; upgradeId: number | null; retryOf: number | null; fromVersion: string; toVersion: string },
): number {
  const { eligible, excluded } = findEligibleModules(db);
  const chains = consumerChainLengths(eligible.map((item) => ({ name: item.moduleName, references: item.references })));
  const id = createRun(db, { ...run, startedBy: currentUser() });
  insertItems(
    db,
    id,
    eligible.map(({ references: _references, ...item }) => ({
      ...item,
      chainLength: chains.get(item.moduleName) ?? 0,
    })),
    excluded,
  );
  return id;
}
