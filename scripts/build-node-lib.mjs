// Bundles the Node entry points (workers, CLI, benchmark, fault soak) into out/node/*.cjs with esbuild.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages a bundle leaves to node_modules on top of the native and huge ones: the CLI
 * needs zod, ws and csv-stringify only for `serve` and `report`, and undici and tar-stream
 * only with the shared cache; reading and parsing them (undici alone is ~1 MB, zod ~800 KB)
 * made every `config-tool status` slower. They are production dependencies, so they are
 * there wherever the bundle is.
 */
const LAZY_PACKAGES = ['undici', 'tar-stream'];
const EXTRA_EXTERNALS = {
  cli: ['zod', 'ws', 'csv-stringify', ...LAZY_PACKAGES],
  service: LAZY_PACKAGES,
  'bench-ui': ['@playwright/test', 'playwright-core'],
};

/** Entry points: output name -> source. Entries whose source does not exist yet are skipped. */
export const NODE_ENTRIES = {
  'compiler-worker': 'main/workers/compiler-worker.ts',
  cli: 'main/cli/index.ts',
  service: 'main/workers/service-process.ts',
  bench: 'bench/index.ts',
  'bench-ui': 'bench/ui-bench.ts',
  soak: 'scripts/soak/soak.ts',
};

/** Builds every existing entry into out/node/<name>.cjs (each on its own, so one broken entry names itself); resolves to the names built. */
export async function buildNode({ quiet = false } = {}) {
  const entries = Object.entries(NODE_ENTRIES).filter(([, source]) => existsSync(path.join(root, source)));
  const results = await Promise.allSettled(
    entries.map(([out, source]) =>
      build({
        entryPoints: [{ out, in: path.join(root, source) }],
        outdir: path.join(root, 'out', 'node'),
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        sourcemap: true,
        external: ['better-sqlite3', 'typescript', 'electron', ...(EXTRA_EXTERNALS[out] ?? [])],
        logLevel: quiet ? 'silent' : 'info',
      }),
    ),
  );
  const failed = entries.filter((_, i) => results[i].status === 'rejected');
  if (failed.length > 0) {
    const details = failed.map(
      ([out, source], i) => `${out}.cjs (${source}): ${results[entries.indexOf(failed[i])].reason.message}`,
    );
    throw new Error(
      `Build of out/node failed for ${failed.length} entr${failed.length === 1 ? 'y' : 'ies'}:\n${details.join('\n')}`,
    );
  }
  return entries.map(([out]) => out);
}
