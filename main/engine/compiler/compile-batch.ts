import type { CompileGroup } from './compile-types';

/** Time the native server spent, by phase: program set-up (snapshot, parse, bind), checking, emit. */
export interface CompilePhases {
  setupMs: number;
  checkMs: number;
  emitMs: number;
  /** Programs created. */
  programs: number;
}

/**
 * Thrown while compiling a batch when some of its modules have a script file (no import or
 * export): its top-level declarations would be globals its batch-mates see, so they compile alone.
 */
export class NotBatchableError extends Error {
  constructor(readonly modules: ReadonlySet<string>) {
    super(`Not batchable: ${[...modules].join(', ')}`);
  }
}

/**
 * What may reach outside a module in a shared program: global augmentations, ambient modules, UMD
 * globals and triple-slash directives (a `reference lib` loads a library for the whole program).
 * Read as text, before compiling: a false alarm only costs the module a program of its own.
 */
const REACHES_OUTSIDE = /\/\/\/\s*<reference|\bdeclare\s+(global|module)\b|\bexport\s+as\s+namespace\b/;

/** A module named in a source ('@modules/Name'), wherever it is (comments too: a false alarm costs little). */
const MODULE_NAMED = /['"`]@modules\/([A-Za-z][A-Za-z0-9_]*)/g;

/** A top-level import or export: the file is a module (declaration output always has one). */
const IS_MODULE = /^\s*(import|export)\b/m;

/** The key of the modules that may share a program: same platform version and libraries. */
function batchKey(group: CompileGroup): string | null {
  if (group.length !== 1) return null; // a cycle compiles as its own group
  const [job] = group as [CompileGroup[number]];
  if (job.sources['src/index.ts'] === undefined) return null;
  for (const [key, text] of Object.entries(job.sources)) {
    if (!key.endsWith('.ts')) continue;
    if (REACHES_OUTSIDE.test(text)) return null;
    // Batch-mates share their producers' mounts: a module naming a module it is not given would see it.
    for (const [, name] of text.matchAll(MODULE_NAMED)) if (!job.producers[name!]) return null;
  }
  // A producer's declaration file that is a script would declare globals for the whole program.
  for (const producer of Object.values(job.producers))
    for (const text of Object.values(producer.declarations))
      if (REACHES_OUTSIDE.test(text) || !IS_MODULE.test(text)) return null;
  const browser = job.kind === 'web' || job.kind === 'mobile';
  return `${job.platformVersion}|${browser ? 'browser' : 'runtime'}`;
}

/**
 * Splits a request's groups into programs, as lists of their indexes: the single modules that may
 * share one (batchKey), by key, and every other group alone. A module named twice compiles alone.
 */
export function planBatches(groups: readonly CompileGroup[]): number[][] {
  const parts: number[][] = [];
  const byKey = new Map<string, number[]>();
  const seen = new Set<string>();
  groups.forEach((group, index) => {
    const key = batchKey(group);
    const name = group[0]?.moduleName ?? '';
    if (key === null || seen.has(name)) {
      parts.push([index]);
      return;
    }
    seen.add(name);
    const part = byKey.get(key);
    if (part) part.push(index);
    else byKey.set(key, [index]);
  });
  return [...byKey.values(), ...parts];
}

/** The source bytes of a group (what bounds a batch's memory). */
export function groupBytes(group: CompileGroup): number {
  let bytes = 0;
  for (const job of group) {
    for (const text of Object.values(job.sources)) bytes += text.length;
    for (const producer of Object.values(job.producers))
      for (const text of Object.values(producer.declarations)) bytes += text.length;
  }
  return bytes;
}
