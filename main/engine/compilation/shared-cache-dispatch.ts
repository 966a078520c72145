import { compilationDigest } from '../compiler/compilation-digest';
import type { CompileResult } from '../compiler/compile-types';
import type { SharedCacheOrigin, SharedCompilation, SharedCompilationCache } from '../shared-cache/shared-cache-types';
import type { CompileUnit, UnitOutcome } from './schedule-types';

/** How a schedule uses the shared compilation cache (spec §4d). */
export interface ScheduleSharedCache {
  cache: SharedCompilationCache;
  /** Whether a shared failed compilation may stand for compiling (not in a retry, which compiles failed ones again). */
  acceptFailed: boolean;
  /** Stores a shared compilation as a local one, with where it came from; no compiler ran. Returns its artifact id. */
  save(unit: CompileUnit, result: CompileResult, origin: SharedCacheOrigin): number;
}

/** A ready node about to go to the compiler: its members, its cycle (or null) and its members' input hashes. */
export interface SharedCandidate {
  members: readonly CompileUnit[];
  cycle: string | null;
  inputHashes: readonly string[];
}

/**
 * A hit is taken only as a reuse is: same inputs, and a digest that matches what it holds. The cache checked
 * that digest once, on download (SharedCompilationCache.lookup returns only verified hits): computing it again
 * here would double a hit's hashing for nothing.
 */
function sameInputs(hit: SharedCompilation | undefined, inputHash: string, platformVersion: string): boolean {
  return hit !== undefined && hit.inputHash === inputHash && hit.platformVersion === platformVersion;
}

/**
 * Asks the cache about a dispatch round's nodes in one lookup. Per candidate: the shared compilations of every
 * member, or null to compile it (a miss; a cycle with a failed member is compiled, so its errors name the cycle).
 */
export async function lookUpRound(
  shared: ScheduleSharedCache,
  candidates: readonly SharedCandidate[],
  platformVersion: string,
): Promise<(SharedCompilation[] | null)[]> {
  const found = await shared.cache
    .lookup(candidates.flatMap((candidate) => candidate.inputHashes))
    .catch(() => new Map<string, SharedCompilation>());
  return candidates.map((candidate) => {
    const hits = candidate.inputHashes.map((hash) => found.get(hash));
    if (!hits.every((hit, index) => sameInputs(hit, candidate.inputHashes[index]!, platformVersion))) return null;
    const taken = hits as SharedCompilation[];
    const failed = taken.some((hit) => !hit.content.success);
    if (failed && (candidate.cycle !== null || !shared.acceptFailed)) return null;
    return taken;
  });
}

/** The members' outcomes from their shared compilations, stored locally as a reuse is (not compiled here). */
export function settleShared(
  shared: ScheduleSharedCache,
  candidate: SharedCandidate,
  hits: readonly SharedCompilation[],
): Map<string, UnitOutcome> {
  return new Map(
    candidate.members.map((member, index): [string, UnitOutcome] => {
      const hit = hits[index]!;
      const result: CompileResult = {
        moduleName: member.name,
        platformVersion: hit.platformVersion,
        inputHash: hit.inputHash,
        durationMs: hit.durationMs,
        ...hit.content,
      };
      const artifactId = shared.save(member, result, hit.origin);
      const common = { artifactId, durationMs: hit.durationMs, compiled: false, sharedOrigin: hit.origin };
      if (!hit.content.success) return [member.name, { status: 'failed', errors: hit.content.diagnostics, ...common }];
      const producerInterface = { interfaceHash: hit.content.interfaceHash!, declarations: hit.content.declarations };
      return [member.name, { status: 'prepared', producerInterface, ...common }];
    }),
  );
}

/** Offers what a compile group compiled to the cache (in the background; skipped outcomes never get here). */
export function offerCompiled(shared: ScheduleSharedCache, results: readonly CompileResult[]): void {
  if (shared.cache.mode !== 'read-write') return;
  for (const result of results) {
    const { inputHash, platformVersion, durationMs, success, interfaceHash, js, declarations, diagnostics } = result;
    const content = { success, interfaceHash, js, declarations, diagnostics };
    shared.cache.offer({ inputHash, platformVersion, digest: compilationDigest(content), content, durationMs });
  }
}
