import type { ProducerInterface } from '../compiler/compile-types';
import { computeInputHash } from '../compiler/input-hash';
import type { Db } from '../store/database';
import { getArtifact, loadInterface } from '../store/artifact-repository';
import { getModuleVersion, loadModuleInput } from '../store/module-repository';
import { findUsableCompilation } from '../store/publication-repository';

/**
 * Spec §4a: a module prepared against a producer interface that has changed since (the producer was published
 * with a new interface) keeps its status, but its prepared compilation no longer matches what publishing it
 * would compile. Returns the admin-facing note naming the producer, or null when the compilation still matches.
 */
export function outdatedPreparationNote(
  db: Db,
  prepared: { moduleName: string; moduleVersionId: number; artifactId: number },
  platformVersion: string,
): string | null {
  const version = getModuleVersion(db, prepared.moduleVersionId);
  const producers: Record<string, ProducerInterface> = {};
  const queue = version.references.filter((name) => name !== prepared.moduleName);
  while (queue.length > 0) {
    const name = queue.shift()!;
    // A member of a reference cycle is compiled with its cycle: its hash is not one module's.
    if (name === prepared.moduleName) return null;
    if (producers[name]) continue;
    const usable = findUsableCompilation(db, name, platformVersion);
    if (!usable) return null;
    producers[name] = loadInterface(db, usable.artifactId);
    queue.push(...getModuleVersion(db, getArtifact(db, usable.artifactId).moduleVersionId).references);
  }
  const hash = computeInputHash({
    moduleName: prepared.moduleName,
    platformVersion,
    ...loadModuleInput(db, prepared.moduleVersionId),
    references: version.references,
    producers,
  });
  if (hash === getArtifact(db, prepared.artifactId).inputHash) return null;
  const republished = version.references.filter(
    (name) => findUsableCompilation(db, name, platformVersion)?.source === 'running',
  );
  const which = republished.length > 0 ? republished.join(', ') : 'a module it consumes';
  return `Compiled against an earlier version of ${which}; publishing it compiles it again.`;
}
