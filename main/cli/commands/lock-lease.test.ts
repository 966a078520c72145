import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateFactory } from '../../../test-support/generated-factory';
import { CLI_BIN, startCli, startShell, waitFor } from '../../../test-support/background-cli';
import { compilationsPerModule, queryEnvironment as query } from '../../../test-support/environment-db';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport, reportStatuses } from '../../../test-support/json-report';
import { faults, runCliIn, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

/** A lease that expires fast, renewed often: what the faults below shorten the wait to. */
const SHORT_LEASE = 'lease-ttl-ms:1500,heartbeat-ms:200';
/** A target whose preparation locks the whole environment (spec §4), as the factory's oracle expects. */
const TARGET = '11.13.0';

const imported = importedEnvironment({
  prefix: 'config-tool-lease-',
  factory: (dir) =>
    generateFactory(dir, {
      moduleCount: 30,
      applicationCount: 4,
      maxDepth: 4,
      filesPerModule: 2,
      seed: 7,
      cycles: 0,
      removedApiUsers: 0.1,
      uploadedOnly: 0.05,
      publishFailed: 0.05,
    }),
  // One compiler process: the preparation lasts long enough to be caught mid-way.
  settings: { parallelCompilations: '1' },
});

function cli(env: string, args: string[], faultSpec?: string) {
  return runCliIn(env, args, faultSpec ? faults(faultSpec) : {});
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

/** The latest run's status and each module's status in its report (the excluded ones as 'excluded'). */
async function reportOf(env: string): Promise<{ status: string; modules: Record<string, string> }> {
  const report = await readJsonReport(env);
  return { status: report.run.status, modules: reportStatuses(report) };
}

const expectedExit = () =>
  Object.values(imported.factory.expected).some((status) => status === 'failed' || status === 'skipped') ? 3 : 0;

describe('the lock lease', () => {
  it(
    'keeps the lock held through upgrade steps that outlast the lease',
    async () => {
      const env = imported.fresh();
      const target = imported.factory.modules.find((module) => module.state === 'published')!.name;
      const upgrade = startCli(
        ['upgrade', '--to', TARGET, '--env', env],
        faults(`${SHORT_LEASE},upgrade-delay:backup:5000`),
      );
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
      const report = await reportOf(env);
      expect(report.status).toBe('finished');
      expect(report.modules).toEqual(imported.factory.expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'takes the lock from a stopped upgrade whose lease expired; continued, it stops without writing',
    async () => {
      const env = imported.fresh();
      const upgrade = startCli(['upgrade', '--to', TARGET, '--env', env], faults(SHORT_LEASE));
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
      const compiledBefore = compilationsPerModule(env, 'prepare');

      expect(await upgrade.exited).toBe(1);
      expect(upgrade.stderr()).toContain("stopped: it lost the environment's lock");
      expect(upgrade.stderr()).toContain('took it over');
      expect(upgrade.stderr()).not.toMatch(/^\s+at /m);
      expect(compilationsPerModule(env, 'prepare')).toEqual(compiledBefore);
      expect(Object.keys(compiledBefore)).not.toHaveLength(0);
      for (const [name, count] of Object.entries(compiledBefore)) expect(count, name).toBe(1);
      const report = await reportOf(env);
      expect(report.status).toBe('finished');
      expect(report.modules).toEqual(imported.factory.expected);
      expect(query(env, 'SELECT * FROM locks')).toEqual([]);
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(false);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'reports a heartbeat that fails, and the run goes on to its end',
    async () => {
      const env = imported.fresh();
      const upgrade = await cli(env, ['upgrade', '--to', TARGET], 'heartbeat-fail,heartbeat-ms:100');
      expect(upgrade.status, upgrade.stderr).toBe(expectedExit());
      expect(upgrade.stderr).toContain('Could not renew the environment lock');
      expect(upgrade.stderr).toContain('injected heartbeat failure');
      expect((await reportOf(env)).modules).toEqual(imported.factory.expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'treats a killed holder that nobody reaped (a zombie) as gone, and resumes its run at once',
    async () => {
      const env = imported.fresh();
      // The CLI runs under a parent that never reaps it, as PID 1 in a container without an init.
      const command = `"${process.execPath}" "${CLI_BIN}" upgrade --to ${TARGET} --env "${env}" & exec sleep 60`;
      const parent = startShell(command);
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
        expect((await reportOf(env)).modules).toEqual(imported.factory.expected);
      } finally {
        parent.child.kill('SIGKILL');
      }
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'treats a lock whose pid now belongs to another process (another start time) as gone',
    async () => {
      const env = imported.fresh();
      expect((await cli(env, ['upgrade', '--to', TARGET])).status).toBe(expectedExit());
      const db = new Database(path.join(env, 'environment.db'));
      try {
        // This test process is alive, but it is not the holder the row names: that one started at another time.
        db.prepare(
          `INSERT INTO locks (name, operation, run_id, holder, owner_token, pid, pid_start, host, started_at, heartbeat_at, expires_at)
           VALUES ('environment', 'preparation', NULL, 'someone', 'x', @pid, '1', @host, @now, @now, @later)`,
        ).run({
          pid: process.pid,
          host: os.hostname(),
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
      const env = imported.fresh();
      const upgrade = startCli(
        ['upgrade', '--to', TARGET, '--env', env],
        faults(`${SHORT_LEASE},upgrade-delay:system-components:3000`),
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
        const target = imported.factory.modules.find((module) => module.state === 'published')!.name;
        expect((await cli(env, ['publish', target])).status).toBe(4);
      } finally {
        upgrade.child.kill('SIGCONT');
      }
      expect(await upgrade.exited, upgrade.stderr()).toBe(expectedExit());
      expect((await reportOf(env)).modules).toEqual(imported.factory.expected);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'says what to do when the backup is missing, and the environment still opens; with the backup back it rolls back',
    async () => {
      const env = imported.fresh();
      const killed = await cli(env, ['upgrade', '--to', TARGET], 'upgrade-crash:system-components');
      expect(killed.status).not.toBe(0);
      const backups = path.join(env, 'backups');
      const aside = `${env}-backups-aside`;
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
