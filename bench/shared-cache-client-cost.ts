/**
 * The shared-cache client's own cost, apart from the compiler and the store: `count` compilations of a generated
 * module's size uploaded to a real `turborepo-remote-cache` on a loopback port, then looked up, with this process's
 * CPU and the server's (from /proc) per artifact. Bundled four folders deep (the test server finds the package
 * root from its own file):
 *   npx esbuild bench/shared-cache-client-cost.ts --bundle --platform=node --outfile=out/bench/cost/x/cost.cjs
 *   node out/bench/cost/x/cost.cjs 1000
 */
import { openSharedCache } from '../main/engine/shared-cache/open-shared-cache';
import { startCacheServer } from '../test-support/cache-server';
import { randomInputHash, sampleCompilation } from '../test-support/sample-compilation';
import { processTree } from './proc-stat';

const count = Number(process.argv[2] ?? 1000);
// About what a generated module compiles to: a few kB of JavaScript and declarations.
const js = {
  'src/index.js': `export const rows = ${JSON.stringify(Array.from({ length: 120 }, (_, i) => `row ${i}`))};\n`,
};
const declarations = { 'index.d.ts': 'export declare const rows: string[];\n'.repeat(20) };

function serverCpuMs(): number {
  let total = 0;
  for (const sample of processTree(process.pid).values()) if (sample.pid !== process.pid) total += sample.cpuMs;
  return total;
}

async function measure(label: string, work: () => Promise<void>): Promise<void> {
  const cpu = process.cpuUsage();
  const server = serverCpuMs();
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const client = (used.user + used.system) / 1000;
  const perArtifact = (ms: number) => `${(ms / count).toFixed(3)} ms`;
  console.log(
    `${label.padEnd(8)} ${count} artifacts: wall ${(wall / 1000).toFixed(2)} s (${perArtifact(wall)} each), client CPU ${perArtifact(client)} each, server CPU ${perArtifact(serverCpuMs() - server)} each`,
  );
}

async function main(): Promise<void> {
  const server = await startCacheServer();
  try {
    const open = (mode: 'read-write' | 'read-only') =>
      openSharedCache(
        { mode, url: server.url, team: 'bench' },
        { token: server.token, signingKey: 'bench signing key' },
        { environmentName: 'Bench A' },
      )!;
    const compilations = Array.from({ length: count }, () =>
      sampleCompilation({ inputHash: randomInputHash(), content: { js, declarations } }),
    );
    const writer = open('read-write');
    await measure('upload', async () => {
      for (const compilation of compilations) writer.offer(compilation);
      await writer.flush(600_000);
    });
    const reader = open('read-only');
    await measure('lookup', async () => {
      const found = await reader.lookup(compilations.map((compilation) => compilation.inputHash));
      if (found.size !== count) throw new Error(`${found.size} of ${count} found: ${JSON.stringify(reader.counts())}`);
    });
    console.log(`counts   ${JSON.stringify(writer.counts())} ${JSON.stringify(reader.counts())}`);
  } finally {
    await server.dispose();
  }
}

void main();
