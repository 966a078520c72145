import { createHash, type Hash } from 'node:crypto';
// TypeScript's version from its package.json, not from the compiler: a coordinator hashes
// every job's inputs but never compiles, and loading typescript.js costs it 0.3 s and 50 MB.
import typescriptPackage from 'typescript/package.json';
import type { CompileJob } from './compile-types';
import type { CompilerCache } from './compiler-cache';
import { loadPlatformVersion, defaultPlatformsDir } from '../platform/platform-versions';

/** Bumped when this compiler's own behaviour changes in a way that changes its output. */
export const COMPILER_REVISION = 1;

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
 * The identity of a compilation, computed without compiling: compiler identity (TypeScript
 * version, this compiler's revision, the version's compiler.json and runtime), platform version,
 * the sources, the references and the producers' interface hashes.
 */
export function computeInputHash(job: CompileJob, cache?: CompilerCache): string {
  const hash = createHash('sha256');
  field(hash, `typescript ${typescriptPackage.version} / compiler ${COMPILER_REVISION}`);
  field(hash, job.platformVersion);
  try {
    const info = loadPlatformVersion(job.platformVersion, cache?.platformsDir ?? defaultPlatformsDir());
    field(hash, info.compilerJson);
    field(hash, info.runtimeDts);
  } catch {
    field(hash, 'unknown platform version');
  }
  const sources = Object.keys(job.sources).sort();
  field(hash, `sources ${sources.length}`);
  for (const key of sources) {
    field(hash, key);
    field(hash, job.sources[key]!);
  }
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
 * The identities of the members of one reference cycle, compiled together (see compileCycle):
 * each member's hash covers every member's sources, references and outside producers' interface
 * hashes, so any change inside the cycle recompiles all of it. Producer entries naming a member
 * are left out: members are compiled from source, so stale member declarations must not matter.
 */
export function computeCycleInputHashes(jobs: CompileJob[], cache?: CompilerCache): string[] {
  const members = new Set(jobs.map((job) => job.moduleName));
  const own = new Map<string, string>();
  for (const job of jobs) {
    const producers = Object.fromEntries(Object.entries(job.producers).filter(([name]) => !members.has(name)));
    own.set(job.moduleName, computeInputHash({ ...job, producers }, cache));
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
