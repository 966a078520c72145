import nodeModule from 'node:module';

// Imported first by worker entry points: keeps V8's compiled code of the bundle and of
// typescript.js on disk, so a fresh worker (including a replacement) starts warm.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
