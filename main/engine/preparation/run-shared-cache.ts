import type { ScheduleSharedCache } from '../compilation/shared-cache-dispatch';
import type { CompileResult } from '../compiler/compile-types';
import type { CompileUnit } from '../compilation/schedule-types';
import type { EngineContext } from '../engine-context';
import { findEnvironment } from '../store/environment-repository';
import { getSetting } from '../store/settings-repository';
import { resolveSharedCacheSettings } from '../shared-cache/shared-cache-settings';
import type { SharedCacheCounts, SharedCacheOrigin, SharedCompilationCache } from '../shared-cache/shared-cache-types';

/** How long a run waits at its end for its uploads (spec §4d: flushed within a bounded time). */
export const FLUSH_TIMEOUT_MS = 10_000;

/** What a run says about the cache at its end: its counts, and why it could not be used (said once), if so. */
export interface SharedCacheSummary {
  counts: SharedCacheCounts | null;
  unavailable: string | null;
}

/** One run's use of the shared cache: what its schedule gets, and how it ends. */
export interface RunSharedCache {
  /** For ScheduleOptions.sharedCache; absent when the cache is off (or can't be used) for this run. */
  schedule?: ScheduleSharedCache;
  /** Flushes the uploads (bounded) and says what the run did with the cache. */
  finish(): Promise<SharedCacheSummary>;
}

const notUsed = (reason: string) => `the shared compilation cache is not used: ${reason.replace(/\.$/, '')}`;

/** The run's cache from the effective settings (resolveSharedCacheSettings: settings, then CONFIG_TOOL_CACHE_*). */
function openFor(context: EngineContext): SharedCompilationCache | null {
  if (!context.openSharedCache) return null;
  const keys = ['sharedCache.mode', 'sharedCache.url', 'sharedCache.team'] as const;
  const stored = Object.fromEntries(keys.map((key) => [key, getSetting(context.db, key)]));
  const settings = resolveSharedCacheSettings(stored, process.env);
  if (settings.mode === 'off') return null;
  return context.openSharedCache(settings, findEnvironment(context.db)?.name ?? 'unnamed environment');
}

/**
 * Opens the shared cache for one run (check, preparation, publish, import). `save` stores a shared compilation
 * as a local one. Off, or without a client (`context.openSharedCache`), the run is as without a cache; a bad
 * setting or secrets file is said once and the run compiles locally: the cache never makes a run fail.
 */
export function openRunSharedCache(
  context: EngineContext,
  options: {
    acceptFailed: boolean;
    save: (unit: CompileUnit, result: CompileResult, origin: SharedCacheOrigin) => number;
  },
): RunSharedCache {
  let cache: SharedCompilationCache | null;
  try {
    cache = openFor(context);
  } catch (error) {
    const reason = notUsed((error as Error).message);
    return { finish: async () => ({ counts: null, unavailable: reason }) };
  }
  if (!cache) return { finish: async () => ({ counts: null, unavailable: null }) };
  const opened = cache;
  return {
    schedule: { cache: opened, ...options },
    finish: async () => {
      await opened.flush(FLUSH_TIMEOUT_MS).catch(() => undefined);
      const reason = opened.unavailableReason();
      return { counts: opened.counts(), unavailable: reason && notUsed(reason) };
    },
  };
}

/** A summary as an operation's outcome carries it: only what there is to say. */
export function sharedCacheFields(summary: SharedCacheSummary): {
  sharedCache?: SharedCacheCounts;
  sharedCacheUnavailable?: string;
} {
  return {
    ...(summary.counts ? { sharedCache: summary.counts } : {}),
    ...(summary.unavailable ? { sharedCacheUnavailable: summary.unavailable } : {}),
  };
}
