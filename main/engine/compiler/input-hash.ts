import { createHash, type Hash } from 'node:crypto';
import type { CompileJob } from './compile-types';
import { NATIVE_COMPILER_VERSION } from './native-binary';
import { hashSources } from './source-digest';
import { RUNTIME_GLOBALS_DTS } from './runtime-globals';
import { loadPlatformVersion, defaultPlatformsDir } from '../platform/platform-versions';

/** Bumped when this compiler's own behaviour changes in a way that changes its output. */
export const COMPILER_REVISION = 2;

function field(hash: Hash, value: string): void {
  hash.update(`${Buffer.byteLength(value)}:`);
  hash.update(value);
}

/** sha256 of a set of files: sorted keys, each path and content length-prefixed. */
export function hashFiles(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(files).sort()) {
    field(hash, key);
    field(hash, files[key]!);
  }
  return hash.digest('hex');
}

/**
 * A compile job as its identity sees it: the sources by their digest, so that a stored compilation of
 * the same inputs can be looked up without reading them back (the module version's stored source hash).
 */
export type CompileIdentity = Omit<CompileJob, 'sources'> & { sourceHash: string };

/**
 * The hash state after what every compilation of one kind for one platform version starts with (the compiler's
 * identity, the runtime globals, the version, the kind, the version's compiler.json and runtime), kept: each
 * module's hash goes on from a copy of it instead of hashing those files again (same bytes, same digest).
 */
const prefixes = new Map<string, Hash>();
function prefix(platformVersion: string, kind: CompileJob['kind'], platformsDir: string): Hash {
  const key = `${platformsDir}\0${platformVersion}\0${kind}`;
  let hash = prefixes.get(key);
  if (hash) return hash;
  hash = createHash('sha256');
  field(hash, `typescript ${NATIVE_COMPILER_VERSION} / compiler ${COMPILER_REVISION}`);
  field(hash, RUNTIME_GLOBALS_DTS);
  field(hash, platformVersion);
  field(hash, `kind ${kind}`);
  try {
    const info = loadPlatformVersion(platformVersion, platformsDir);
    field(hash, info.compilerJson);
    field(hash, info.runtimeDts);
  } catch {
    // Not kept: a version unknown now may be installed later.
    field(hash, 'unknown platform version');
    return hash;
  }
  prefixes.set(key, hash);
  return hash;
}

/**
 * The identity of a compilation, computed without compiling: compiler identity (the exact
 * TypeScript 7 version, this compiler's revision and runtime globals, the version's compiler.json
 * and runtime), platform version, the module's kind, the sources' digest (hashSources), the
 * references and the producers' interface hashes.
 */
export function computeInputHash(job: CompileJob | CompileIdentity, platformsDir?: string): string {
  const hash = prefix(job.platformVersion, job.kind, platformsDir ?? defaultPlatformsDir()).copy();
  field(hash, `sources ${'sourceHash' in job ? job.sourceHash : hashSources(job.sources)}`);
  const references = [...job.references].sort();
  field(hash, `references ${references.join(',')}`);
  const producers = Object.keys(job.producers).sort();
  field(hash, `producers ${producers.length}`);
  for (const name of producers) {
    field(hash, name);
    field(hash, job.producers[name]!.interfaceHash);
  }
  return hash.digest('hex');
}

/**
 * The identities of the members of a compile group: a single module's is computeInputHash; in a
 * reference cycle each member's hash covers every member's sources, references and outside
 * producers' interface hashes, so any change inside the cycle recompiles all of it. Producer
 * entries naming a member are left out: members are compiled from source, so stale member
 * declarations must not matter.
 */
export function computeGroupInputHashes(
  jobs: readonly (CompileJob | CompileIdentity)[],
  platformsDir?: string,
): string[] {
  if (jobs.length === 1) return [computeInputHash(jobs[0]!, platformsDir)];
  const members = new Set(jobs.map((job) => job.moduleName));
  const own = new Map<string, string>();
  for (const job of jobs) {
    const producers = Object.fromEntries(Object.entries(job.producers).filter(([name]) => !members.has(name)));
    own.set(job.moduleName, computeInputHash({ ...job, producers }, platformsDir));
  }
  const names = [...members].sort();
  return jobs.map((job) => {
    const hash = createHash('sha256');
    field(hash, `cycle of ${names.length}`);
    field(hash, job.moduleName);
    for (const name of names) {
      field(hash, name);
      field(hash, own.get(name)!);
    }
    return hash.digest('hex');
  });
}
