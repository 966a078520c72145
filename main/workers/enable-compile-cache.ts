import nodeModule from 'node:module';

// Imported first by worker entry points: keeps V8's compiled code on disk, so a fresh worker
// (a replacement too) starts warm. The bundle itself is cached only when the parent set
// NODE_COMPILE_CACHE (worker-spawner.ts); this reaches what loads after it.
const cache = nodeModule as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };
cache.enableCompileCache?.();

/** Writes the cache now: a worker ends by SIGKILL, which skips Node's write at exit. */
export function flushCompileCache(): void {
  cache.flushCompileCache?.();
}
