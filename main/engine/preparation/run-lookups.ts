import type { ProducerInterface } from '../compiler/compile-types';
import { loadInterface } from '../store/artifact-repository';
import type { Db } from '../store/database';
import { getModuleVersion } from '../store/module-repository';
import { checkRunOfArtifact, checkRunsOfArtifacts, type StoredRun } from './run-repository';

/** What a run reads again and again and never changes while it runs, read once. */
export class RunLookups {
  // Stored artifacts never change: each producer's interface is parsed once per run, not once per consumer.
  private readonly interfaces = new Map<number, ProducerInterface>();
  // Module versions never change: their references are read once per run.
  private readonly references = new Map<number, string[]>();
  // Which readiness check each of its compilations for the target comes from, read once (a check may still add
  // some meanwhile: a compilation not in it is looked up on its own).
  private readonly checkRuns: Map<number, number>;

  constructor(
    private readonly db: Db,
    private readonly run: Pick<StoredRun, 'kind' | 'toVersion'>,
  ) {
    this.checkRuns = run.kind === 'check' ? new Map() : checkRunsOfArtifacts(db, run.toVersion);
  }

  /** A stored compilation's interface for its consumers. */
  interfaceOf(artifactId: number): ProducerInterface {
    let found = this.interfaces.get(artifactId);
    if (!found) this.interfaces.set(artifactId, (found = loadInterface(this.db, artifactId)));
    return found;
  }

  /** Keeps an interface read with its compilation (a reused one), so it is not parsed again. */
  rememberInterface(artifactId: number, producerInterface: ProducerInterface): void {
    this.interfaces.set(artifactId, producerInterface);
  }

  /** The modules a module version references. */
  referencesOf(moduleVersionId: number): string[] {
    let found = this.references.get(moduleVersionId);
    if (!found) this.references.set(moduleVersionId, (found = getModuleVersion(this.db, moduleVersionId).references));
    return found;
  }

  /** The readiness check run a compilation for the target comes from, or null. */
  checkRunOf(artifactId: number): number | null {
    return this.checkRuns.get(artifactId) ?? checkRunOfArtifact(this.db, artifactId, this.run.toVersion);
  }
}
