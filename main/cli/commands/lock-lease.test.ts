import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFactory, type GeneratedFactory } from '../../../bench/factory-generator';
import {
  copyEnvironment,
  makeTempDir,
  PACKAGE_ROOT,
  removeTempDir,
  runCli,
  SETUP_TIMEOUT_MS,
} from '../test-support/run-cli';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs');
/** A lease that expires fast, renewed often: what the faults below shorten the wait to. */
const SHORT_LEASE = 'lease-ttl-ms:1500,heartbeat-ms:200';
/** A target whose preparation locks the whole environment (spec §4), as the factory's oracle expects. */
const TARGET = '11.13.0';

let workDir: string;
let factory: GeneratedFactory;
let importedEnv: string;
let envCounter = 0;

function cli(env: string, args: string[], faults?: string) {
  return runCli([...args, '--env', env], { env: faults ? { CONFIG_TOOL_TEST_FAULTS: faults } : {} });
}

function freshEnvironment(): string {
  return copyEnvironment(importedEnv, path.join(workDir, `env-${++envCounter}`));
}

function query<T>(env: string, sql: string): T[] {
  const db = new Database(path.join(env, 'environment.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Starts a long command in the background, the way an admin's second terminal would. */
function startCli(args: string[], faults = '', options: { shell?: string } = {}) {
  const env = { ...process.env, CONFIG_TOOL_ENV: '', CONFIG_TOOL_TEST_FAULTS: faults };
  const child: ChildProcess = options.shell
    ? spawn('sh', ['-c', options.shell], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function waitFor(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGSTOPs the process at a moment it holds no write transaction (else every other process would wait on it). */
async function stopOutsideTransaction(child: ChildProcess, env: string): Promise<void> {
  for (;;) {
    child.kill('SIGSTOP');
    const db = new Database(path.join(env, 'environment.db'), { timeout: 50 });
    try {
      db.exec('BEGIN IMMEDIATE; ROLLBACK');
      return;
    } catch {
      child.kill('SIGCONT');
      await sleep(20);
    } finally {
      db.close();
    }
  }
}

function lockRow(env: string) {
  return query<{ operation: string; pid: number; expiresAt: string }>(
    env,
    'SELECT operation, pid, expires_at AS expiresAt FROM locks',
  )[0];
}

/** Compilations for the target version per module (the counter behind "nothing compiled twice"). */
function preparationCompilations(env: string): Map<string, number> {
  const rows = query<{ name: string; n: number }>(
    env,
    `SELECT m.name, count(*) AS n FROM compilations c JOIN module_versions v ON v.id = c.module_version_id JOIN modules m ON m.id = v.module_id
     WHERE c.purpose = 'prepare' GROUP BY m.name`,
  );
  return new Map(rows.map((row) => [row.name, row.n]));
}

async function reportStatuses(env: string): Promise<{ status: string; modules: Record<string, string> }> {
  const result = await cli(env, ['report', '--format', 'json']);
  const json = JSON.parse(result.stdout) as {
    run: { status: string };
    modules: { name: string; status: string }[];
    excluded: { name: string }[];
  };
  const modules: Record<string, string> = {};
  for (const module of json.modules) modules[module.name] = module.status;
  for (const module of json.excluded) modules[module.name] = 'excluded';
  return { status: json.run.status, modules };
}

const expectedExit = () =>
  Object.values(factory.expected).some((status) => status === 'failed' || status === 'skipped') ? 3 : 0;

beforeAll(async () => {
  workDir = makeTempDir('config-tool-lease-');
  factory = generateFactory(path.join(workDir, 'factory'), {
    moduleCount: 30,
    applicationCount: 4,
    maxDepth: 4,
    filesPerModule: 2,
    seed: 7,
    cycles: 0,
    removedApiUsers: 0.1,
    uploadedOnly: 0.05,
    publishFailed: 0.05,
  });
  importedEnv = path.join(workDir, 'imported');
  expect((await runCli(['import', path.join(workDir, 'factory'), '--env', importedEnv])).status).toBe(0);
  // One compiler process: the preparation lasts long enough to be caught mid-way.
  expect((await cli(importedEnv, ['config', 'set', 'parallelCompilations', '1'])).status).toBe(0);
  expect((await cli(importedEnv, ['config', 'apply'])).status).toBe(0);
}, SETUP_TIMEOUT_MS);

afterAll(() => removeTempDir(workDir));

describe('the lock lease', () => {
  it(
    'keeps the lock held through upgrade steps that outlast the lease',
    async () => {
      const env = freshEnvironment();
      const target = factory.modules.find((module) => module.state === 'published')!.name;
      const upgrade = startCli(['upgrade', '--to', TARGET, '--env', env], `${SHORT_LEASE},upgrade-delay:backup:5000`);
      await waitFor(() => fs.existsSync(path.join(env, 'upgrade-in-progress.json')), 'the backup');
      await sleep(2500); // past the lease's 1.5 s

      expect(Date.parse(lockRow(env).expiresAt)).toBeGreaterThan(Date.now());
      const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as { lock: { operation: string } };
      expect(status.lock.operation).toBe('upgrade');
      const publish = await cli(env, ['publish', target]);
      expect(publish.status, publish.stderr).toBe(4);
      expect(publish.stderr).toContain('the platform upgrade');
      expect((await cli(env, ['prepare'])).status).toBe(4);

      expect(await upgrade.exited, upgrade.stderr()).toBe(expectedExit());
      const report = await reportStatuses(env);
      expect(report.status).toBe('finished');
      expect(report.modules).toEqual(factory.expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'takes the lock from a stopped upgrade whose lease expired; continued, it stops without writing',
    async () => {
      const env = freshEnvironment();
      const upgrade = startCli(['upgrade', '--to', TARGET, '--env', env], SHORT_LEASE);
      await waitFor(() => lockRow(env)?.operation === 'preparation', 'the preparation to start');
      await stopOutsideTransaction(upgrade.child, env);
      try {
        await sleep(2500); // the stopped process can't renew its 1.5 s lease

        const prepare = await cli(env, ['prepare']);
        expect(prepare.status, prepare.stderr).toBe(expectedExit());
        expect(prepare.stderr).toMatch(/The previous preparation run #\d+ was interrupted \(its process \(PID \d+/);
        expect(prepare.stderr).toContain('it is being resumed');
      } finally {
        upgrade.child.kill('SIGCONT');
      }
      const compiledBefore = preparationCompilations(env);

      expect(await upgrade.exited).toBe(1);
      expect(upgrade.stderr()).toContain("stopped: it lost the environment's lock");
      expect(upgrade.stderr()).toContain('took it over');
      expect(upgrade.stderr()).not.toMatch(/^\s+at /m);
      expect(preparationCompilations(env)).toEqual(compiledBefore);
      for (const [name, count] of compiledBefore) expect(count, name).toBe(1);
      const report = await reportStatuses(env);
      expect(report.status).toBe('finished');
      expect(report.modules).toEqual(factory.expected);
      expect(query(env, 'SELECT * FROM locks')).toEqual([]);
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(false);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'reports a heartbeat that fails, and the run goes on to its end',
    async () => {
      const env = freshEnvironment();
      const upgrade = await cli(env, ['upgrade', '--to', TARGET], 'heartbeat-fail,heartbeat-ms:100');
      expect(upgrade.status, upgrade.stderr).toBe(expectedExit());
      expect(upgrade.stderr).toContain('Could not renew the environment lock');
      expect(upgrade.stderr).toContain('injected heartbeat failure');
      expect((await reportStatuses(env)).modules).toEqual(factory.expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'treats a killed holder that nobody reaped (a zombie) as gone, and resumes its run at once',
    async () => {
      const env = freshEnvironment();
      // The CLI runs under a parent that never reaps it, as PID 1 in a container without an init.
      const command = `"${process.execPath}" "${BIN}" upgrade --to ${TARGET} --env "${env}" & exec sleep 60`;
      const parent = startCli([], '', { shell: command });
      try {
        await waitFor(() => lockRow(env)?.operation === 'preparation', 'the preparation to start');
        const holder = lockRow(env).pid;
        process.kill(holder, 'SIGKILL');
        await waitFor(
          () => fs.readFileSync(`/proc/${holder}/stat`, 'utf8').split(') ')[1].startsWith('Z'),
          'the holder to be a zombie',
        );

        const prepare = await cli(env, ['prepare']);
        expect(prepare.status, prepare.stderr).toBe(expectedExit());
        expect(prepare.stderr).toContain(`its process (PID ${holder} on`);
        expect(prepare.stderr).toContain('has ended); it is being resumed');
        expect((await reportStatuses(env)).modules).toEqual(factory.expected);
      } finally {
        parent.child.kill('SIGKILL');
      }
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'treats a lock whose pid now belongs to another process (another start time) as gone',
    async () => {
      const env = freshEnvironment();
      expect((await cli(env, ['upgrade', '--to', TARGET])).status).toBe(expectedExit());
      const db = new Database(path.join(env, 'environment.db'));
      try {
        // This test process is alive, but it is not the holder the row names: that one started at another time.
        db.prepare(
          `INSERT INTO locks (name, operation, run_id, holder, owner_token, pid, pid_start, host, started_at, heartbeat_at, expires_at)
           VALUES ('environment', 'preparation', NULL, 'someone', 'x', @pid, '1', @host, @now, @now, @later)`,
        ).run({
          pid: process.pid,
          host: (await import('node:os')).hostname(),
          now: new Date().toISOString(),
          later: new Date(Date.now() + 3_600_000).toISOString(),
        });
      } finally {
        db.close();
      }
      const prepare = await cli(env, ['prepare']);
      expect(prepare.status, prepare.stderr).toBe(expectedExit());
      expect(prepare.stderr).not.toContain('holds the environment');
    },
    SETUP_TIMEOUT_MS,
  );
});

describe('rolling back an interrupted upgrade', () => {
  it(
    'never restores the backup while the upgrade that made it is still alive, even with its lease expired',
    async () => {
      const env = freshEnvironment();
      const upgrade = startCli(
        ['upgrade', '--to', TARGET, '--env', env],
        `${SHORT_LEASE},upgrade-delay:system-components:3000`,
      );
      // Stopped in the step's (injected) delay, after its writes: never inside a transaction.
      await waitFor(
        () =>
          query<{ n: number }>(env, `SELECT count(*) AS n FROM compilations WHERE purpose = 'system-component'`)[0]
            .n === 3,
        'the system components to compile',
      );
      await sleep(300);
      await stopOutsideTransaction(upgrade.child, env);
      try {
        await sleep(2500); // its lease has expired, but its process exists
        const status = await cli(env, ['status', '--json']);
        expect(status.stderr).not.toContain('rolled back');
        expect((JSON.parse(status.stdout) as { lock: { operation: string } }).lock.operation).toBe('upgrade');
        expect(query<{ status: string }>(env, 'SELECT status FROM upgrades')[0].status).toBe('running');
        const target = factory.modules.find((module) => module.state === 'published')!.name;
        expect((await cli(env, ['publish', target])).status).toBe(4);
      } finally {
        upgrade.child.kill('SIGCONT');
      }
      expect(await upgrade.exited, upgrade.stderr()).toBe(expectedExit());
      expect((await reportStatuses(env)).modules).toEqual(factory.expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'says what to do when the backup is missing, and the environment still opens; with the backup back it rolls back',
    async () => {
      const env = freshEnvironment();
      const killed = await cli(env, ['upgrade', '--to', TARGET], 'upgrade-crash:system-components');
      expect(killed.status).not.toBe(0);
      const backups = path.join(env, 'backups');
      const aside = path.join(workDir, `backups-aside-${envCounter}`);
      fs.renameSync(backups, aside);

      const status = await cli(env, ['status', '--json']);
      expect(status.status, status.stderr).toBe(0);
      expect(status.stderr).toContain("can't be rolled back: its backup");
      expect(status.stderr).toContain('is missing');
      expect(status.stderr).toContain('Put the backup file back at that path');
      expect(status.stderr).not.toMatch(/^\s+at /m);
      expect((JSON.parse(status.stdout) as { platformVersion: string }).platformVersion).toBe('11.11.3');

      fs.renameSync(aside, backups);
      const again = await cli(env, ['status', '--json']);
      expect(again.stderr).toContain('it has been rolled back');
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(false);
    },
    SETUP_TIMEOUT_MS,
  );
});
