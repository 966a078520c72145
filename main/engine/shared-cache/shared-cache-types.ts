import type { CompilationContent } from '../compiler/compilation-digest';

/**
 * The seam between the engine and the shared compilation cache (spec §4d): the engine asks and
 * offers compilations by input hash; how they travel (Turborepo remote cache API, archive, signature)
 * is the client's business.
 */

/** How an environment uses the shared cache: `off` (default), `read-only`, `read-write`. */
export type SharedCacheMode = 'off' | 'read-only' | 'read-write';

/** Where the cache is and how it is used (settings, overridden by CONFIG_TOOL_CACHE_*). No secrets here. */
export interface SharedCacheSettings {
  mode: SharedCacheMode;
  url: string | null;
  team: string | null;
}

/** Never stored in the environment, never on a command line or in a log. */
export interface SharedCacheSecrets {
  token: string | null;
  signingKey: string | null;
}

/** Where a shared compilation came from. */
export interface SharedCacheOrigin {
  environment: string;
  uploadedAt: string;
}

/** A compilation as the cache holds it: keyed by its input hash, verified by its digest. */
export interface SharedCompilation {
  inputHash: string;
  platformVersion: string;
  /** compilationDigest(content); checked on download. */
  digest: string;
  content: CompilationContent;
  durationMs: number;
  origin: SharedCacheOrigin;
}

/** One run's dealings with the cache, as the report shows them (`run.sharedCache`). */
export interface SharedCacheCounts {
  hits: number;
  misses: number;
  /** Downloads refused: bad or missing signature, digest or input hash mismatch, archive breaking the rules. */
  refused: number;
  uploaded: number;
  /** Lookups or uploads that failed: unreachable, timeout, 401/403, 5xx, reset. */
  errors: number;
}

/** The cache as a run sees it. Never throws: every fault is a miss, counted. */
export interface SharedCompilationCache {
  readonly mode: Exclude<SharedCacheMode, 'off'>;
  /** Looks up many input hashes at once (pipelined, bounded concurrency); only verified hits are returned. */
  lookup(inputHashes: readonly string[]): Promise<Map<string, SharedCompilation>>;
  /** Queues an upload in the background (read-write only; never a skipped outcome). Returns at once. */
  offer(compilation: Omit<SharedCompilation, 'origin'>): void;
  /** Waits at most timeoutMs for queued uploads; what is left is dropped and counted as errors. */
  flush(timeoutMs: number): Promise<void>;
  counts(): SharedCacheCounts;
  /** Why the cache could not be used in this run (the first fault, said once), or null. Never holds a secret. */
  unavailableReason(): string | null;
}
