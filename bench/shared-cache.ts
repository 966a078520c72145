/**
 * The shared compilation cache's part of `npm run bench` (spec §4d): a real `turborepo-remote-cache` on a
 * loopback port, and copies of the freshly imported environment standing for a pipeline's environments.
 * A is upgraded read-write (its uploads against a cold upgrade of a copy without the cache), then B read-only
 * (against the same cold one), B with 10 % of its modules at newer versions, and B with the server stopped.
 * Each figure is the preparation step alone; every outcome is compared module by module with the cold one's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { openEnvironment } from '../main/engine/open-environment';
import { publishModules } from '../main/engine/operations/publish-modules';
import { uploadModule } from '../main/engine/operations/upload-module';
import { findPackageRoot } from '../main/engine/platform/platform-versions';
import type { WorkerSpawner } from '../main/engine/process/worker-spawner';
import { readProcess } from './proc-stat';
import { timedUpgrade } from './timed-upgrade';

const TOKEN = 'bench-token';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Starts the real server (the devDependency) on `port` with its storage in `storage`; resolves once it answers. */
async function startServer(port: number, storage: string): Promise<ChildProcess> {
  const entry = path.join(findPackageRoot(), 'node_modules', 'turborepo-remote-cache', 'dist', 'cli.js');
  const child = spawn(process.execPath, [entry], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      TURBO_TOKEN: TOKEN,
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storage,
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  for (let tries = 0; tries < 100; tries++) {
    const up = await fetch(`http://127.0.0.1:${port}/v8/artifacts/status`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then(
      () => true,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('the cache server did not start');
}

/** Sets (or, with null, clears) the variables a pipeline sets for unattended runs. */
function useCache(mode: 'read-only' | 'read-write' | null, url: string, workDir: string): void {
  const variables: Record<string, string> = {
    CONFIG_TOOL_CACHE_MODE: mode ?? 'off',
    CONFIG_TOOL_CACHE_URL: url,
    CONFIG_TOOL_CACHE_TEAM: 'bench',
    CONFIG_TOOL_CACHE_TOKEN: TOKEN,
    CONFIG_TOOL_CACHE_SECRETS_FILE: path.join(workDir, 'no-secrets.json'),
  };
  for (const [name, value] of Object.entries(variables)) process.env[name] = value;
}

/** CPU of this process (the coordinator: client, scheduler, store) and of the server's, in ms, from now on. */
function cpuMeter(server: ChildProcess | null): () => { clientMs: number; serverMs: number } {
  const serverCpu = () => (server?.pid && readProcess(server.pid)?.cpuMs) || 0;
  const client = process.cpuUsage();
  const serverStart = serverCpu();
  return () => {
    const used = process.cpuUsage(client);
    return { clientMs: (used.user + used.system) / 1000, serverMs: serverCpu() - serverStart };
  };
}

/** With BENCH_CACHE_PROFILE=<dir>: a CPU profile of this process around `work`, written as <dir>/<name>.cpuprofile. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CACHE_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Upgrades `dir`; the preparation step's wall time, each module's status, and the run's shared-cache counts. */
async function upgradeAndTime(dir: string, spawner: WorkerSpawner, target: string, server: ChildProcess | null = null) {
  const context = openEnvironment(dir, { spawner });
  try {
    const meter = cpuMeter(server);
    const { run, preparationMs } = await timedUpgrade(context, target);
    const rows = context.db
      .prepare('SELECT module_name AS name, status FROM preparation_items WHERE run_id = @runId')
      .all({ runId: run.id }) as { name: string; status: string }[];
    const counts = context.db
      .prepare('SELECT shared_cache_json AS counts FROM preparation_runs WHERE id = @runId')
      .get({ runId: run.id }) as { counts: string | null };
    const cpu = meter();
    return {
      cpu: `coordinator ${seconds(cpu.clientMs)} CPU, server ${seconds(cpu.serverMs)} CPU (whole upgrade)`,
      ms: preparationMs,
      statuses: new Map(rows.map((row) => [row.name, row.status])),
      counts: counts.counts ?? 'no cache',
    };
  } finally {
    context.db.close();
  }
}

/** Uploads and publishes a newer version (one comment more) of every tenth published module; returns how many. */
async function publishNewerVersions(dir: string, factoryDir: string, spawner: WorkerSpawner): Promise<number> {
  const context = openEnvironment(dir, { spawner });
  try {
    const names = (
      context.db
        .prepare(
          'SELECT m.name FROM modules m JOIN deployments d ON d.module_id = m.id WHERE m.is_system = 0 ORDER BY m.name',
        )
        .all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((_, index) => index % 10 === 0);
    for (const name of names) {
      const folder = path.join(dir, '..', `newer-${name}`);
      fs.cpSync(path.join(factoryDir, 'modules', name), folder, { recursive: true });
      const index = fs.readdirSync(path.join(folder, 'src')).find((file) => file.endsWith('.ts'))!;
      fs.appendFileSync(path.join(folder, 'src', index), '\n// a newer version\n');
      uploadModule(context, name, folder);
    }
    await publishModules(context, { names });
    return names.length;
  } finally {
    context.db.close();
  }
}

/** Modules whose outcome differs from the cold run's. */
function differences(cold: Map<string, string>, other: Map<string, string>): string[] {
  const names = new Set([...cold.keys(), ...other.keys()]);
  return [...names].filter((name) => cold.get(name) !== other.get(name));
}

/** Runs the comparison on copies of `importedDir` under `work` and prints its lines. */
export async function benchSharedCache(options: {
  importedDir: string;
  factoryDir: string;
  work: string;
  spawner: WorkerSpawner;
  target: string;
  port: number;
}): Promise<void> {
  const { spawner, target, work } = options;
  const copy = (name: string) => {
    const dir = path.join(work, 'shared', name, 'environment');
    fs.cpSync(options.importedDir, dir, { recursive: true });
    return dir;
  };
  const url = `http://127.0.0.1:${options.port}`;
  const storage = path.join(work, 'shared', 'server-storage');
  fs.mkdirSync(storage, { recursive: true });
  let server = await startServer(options.port, storage);
  try {
    useCache(null, url, work);
    // Two cold runs, first and (below) last: on a shared machine the first one also pays for a cold disk cache.
    const firstCold = await upgradeAndTime(copy('cold'), spawner, target);
    useCache('read-write', url, work);
    const a = await profiled('a-read-write', () => upgradeAndTime(copy('a'), spawner, target, server));
    useCache(null, url, work);
    const lastCold = await upgradeAndTime(copy('cold-again'), spawner, target);
    const cold = firstCold.ms <= lastCold.ms ? firstCold : lastCold;
    console.log(
      `cold preparation         ${seconds(cold.ms)}  (a copy without the cache; the faster of ${seconds(firstCold.ms)} and ${seconds(lastCold.ms)}; ${cold.cpu})`,
    );
    console.log(
      `A read-write / cold      ${(a.ms / cold.ms).toFixed(3)}  (${seconds(a.ms)}, uploads flushed; goal <= 1.1; ${a.counts}; ${a.cpu})`,
    );
    useCache('read-only', url, work);
    const b = await profiled('b-read-only', () => upgradeAndTime(copy('b'), spawner, target, server));
    console.log(
      `B read-only / cold       ${(b.ms / cold.ms).toFixed(3)}  (${seconds(b.ms)}; goal <= 0.1; ${b.counts}; ${b.cpu})`,
    );
    useCache(null, url, work);
    const newerDir = copy('b-newer');
    const newer = await publishNewerVersions(newerDir, options.factoryDir, spawner);
    useCache('read-only', url, work);
    const b10 = await upgradeAndTime(newerDir, spawner, target, server);
    console.log(
      `B, 10 % newer / cold     ${(b10.ms / cold.ms).toFixed(3)}  (${seconds(b10.ms)}, ${newer} modules at newer versions; goal <= 0.3; ${b10.counts}; ${b10.cpu})`,
    );
    server.kill();
    const down = await upgradeAndTime(copy('b-down'), spawner, target);
    console.log(
      `B, server down / cold    ${(down.ms / cold.ms).toFixed(3)}  (${seconds(down.ms)}; goal <= 1.15; ${down.counts}; ${down.cpu})`,
    );
    const unequal = [a, b, down].flatMap((run) => differences(cold.statuses, run.statuses));
    console.log(
      `outcomes                 ${unequal.length === 0 ? 'every module as in the cold preparation (A, B, B with the server down)' : `DIFFERENT: ${[...new Set(unequal)].join(', ')}`}`,
    );
    server = null as unknown as ChildProcess;
  } finally {
    server?.kill();
    useCache(null, url, work);
    fs.rmSync(path.join(work, 'shared'), { recursive: true, force: true });
  }
}
