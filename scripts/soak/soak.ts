/**
 * `npm run soak [-- --iterations N --seed S]`: the fault soak (not part of npm test).
 * Kills the CLI or the service process with SIGKILL at a random moment of an import,
 * an upgrade (its steps and its preparation), a `prepare` or a `deploy-prepared`, or
 * fills the disk at a random point of an upgrade (`db-max-pages`), N times (default 20), then checks what an admin would: the environment opens,
 * `status` is consistent, the database is intact, nothing prepared was compiled
 * again, and once the work is finished the report and what runs equal an
 * uninterrupted run's. Prints each iteration and the tally; exits 1 on any failure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateFactory } from '../../bench/factory-generator';
import { findPackageRoot } from '../../main/engine/platform/platform-versions';
import { createNodeWorkerSpawner } from '../../main/engine/process/worker-spawner';
import { serviceEnvironment } from '../../main/host/node-service';
import type { ServiceToHost } from '../../main/host/service-protocol';

const TARGET = '11.13.0';
const BIN = path.join(findPackageRoot(), 'bin', 'config-tool.cjs');
type Scenario = 'import' | 'upgrade' | 'prepare' | 'deploy-prepared' | 'service' | 'disk-full';
const SCENARIOS: Scenario[] = ['upgrade', 'prepare', 'deploy-prepared', 'service', 'import', 'disk-full'];

interface Outcome {
  scenario: Scenario;
  killedAtMs: number;
  /** False when the command ended on its own before the kill. */
  killed: boolean;
  problems: string[];
}

function parseArgs(argv: string[]): { iterations: number; seed: number; modules: number } {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`--${name} takes a whole number (got ${argv[at + 1]})`);
    return parsed;
  };
  return { iterations: value('iterations', 20), seed: value('seed', 1), modules: value('modules', 30) };
}

/** A small seeded generator, so a failing soak can be replayed with its --seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `config-tool ARGS --env ENV`; with `killAfterMs`, SIGKILLs it then unless it ended first. */
function cli(
  env: string,
  args: string[],
  killAfterMs?: number,
  testFaults = '',
): Promise<Finished & { killed: boolean }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args, '--env', env], {
    env: { ...process.env, CONFIG_TOOL_ENV: '', CONFIG_TOOL_TEST_FAULTS: testFaults },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let killed = false;
  const timer =
    killAfterMs === undefined
      ? null
      : setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterMs);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      if (timer) clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started, killed: killed && status === null });
    });
  });
}

async function must(env: string, args: string[], allowed: number[] = [0, 3]): Promise<Finished> {
  const result = await cli(env, args);
  if (!allowed.includes(result.status ?? -1))
    throw new Error(`config-tool ${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`);
  return result;
}

/** Starts the service process on ENV, asks it for Apply/Exit, SIGKILLs it after `killAfterMs`. */
async function upgradeInServiceAndKill(env: string, killAfterMs: number): Promise<boolean> {
  const channel = createNodeWorkerSpawner().spawn('service', {
    serviceName: 'soak-service',
    env: serviceEnvironment({ environmentDir: env }),
  });
  const exited = new Promise<void>((resolve) => channel.onExit(() => resolve()));
  let finished = false;
  channel.onMessage((raw) => {
    const message = raw as ServiceToHost;
    if (message.type === 'ready')
      channel.send({ type: 'request', id: 1, channel: 'upgrade.start', payload: { toVersion: TARGET } });
    // The run ended on its own: nothing left to interrupt.
    if (message.type === 'event' && message.event === 'environment.changed' && !message.payload.activeRun)
      finished = finished || message.payload.platformVersion === TARGET;
  });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  const killed = !finished;
  channel.kill();
  await exited;
  return killed;
}

function query<T>(env: string, sql: string): T[] {
  const db = new Database(path.join(env, 'environment.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** What an admin checks right after a crash: it opens, status is consistent, the file is intact, nothing compiled twice. */
async function checkAfterKill(env: string, problems: string[]): Promise<void> {
  if (!fs.existsSync(path.join(env, 'environment.db'))) return; // an import killed before its swap: no environment yet
  const status = await cli(env, ['status', '--json']);
  if (status.status !== 0) {
    problems.push(`status exited ${status.status}: ${status.stderr.trim()}`);
    return;
  }
  if (/^\s+at /m.test(status.stderr)) problems.push(`status printed a stack trace: ${status.stderr}`);
  const json = JSON.parse(status.stdout) as {
    platformVersion: string;
    lock: unknown;
    latestRun: { status: string } | null;
  };
  if (!['11.11.3', TARGET].includes(json.platformVersion)) problems.push(`version ${json.platformVersion}`);
  if (json.lock) problems.push(`a dead process's lock is still shown: ${JSON.stringify(json.lock)}`);
  if (json.latestRun?.status === 'running') problems.push('the killed run is still shown as running');
  if (fs.existsSync(path.join(env, 'upgrade-in-progress.json')))
    problems.push('the upgrade marker is still there after the environment was opened');
  if (query(env, `SELECT id FROM upgrades WHERE status = 'running'`).length > 0)
    problems.push('an upgrade row is still running after the environment was opened');
  const backups = path.join(env, 'backups');
  if (fs.existsSync(backups) && fs.readdirSync(backups).some((file) => file.includes('.partial')))
    problems.push('a half-written backup is still there after the environment was opened');
  if (fs.existsSync(path.join(env, 'open-by')))
    problems.push(`presence files of dead processes are left: ${fs.readdirSync(path.join(env, 'open-by')).join(', ')}`);
  const integrity = query<{ integrity_check: string }>(env, 'PRAGMA integrity_check');
  if (integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
  checkCompiledOnce(env, problems);
}

function checkCompiledOnce(env: string, problems: string[]): void {
  const twice = query<{ name: string; n: number }>(
    env,
    `SELECT m.name, count(*) AS n FROM compilations c JOIN module_versions v ON v.id = c.module_version_id
     JOIN modules m ON m.id = v.module_id WHERE c.purpose = 'prepare' GROUP BY m.name HAVING n > 1`,
  );
  if (twice.length > 0) problems.push(`compiled again for the preparation: ${twice.map((row) => row.name).join(', ')}`);
}

/** The report and deployments, without what differs between any two runs (ids, times, durations). */
async function finalState(env: string): Promise<string> {
  const report = JSON.parse((await must(env, ['report', '--format', 'json'])).stdout) as {
    run: { status: string; toVersion: string; counts: unknown };
    modules: { name: string; status: string; errors: { message: string }[] }[];
    excluded: unknown[];
  };
  const deployments = query<{ name: string; version: string }>(
    env,
    `SELECT m.name, d.platform_version AS version FROM deployments d JOIN modules m ON m.id = d.module_id ORDER BY m.name`,
  );
  return JSON.stringify({
    run: { status: report.run.status, toVersion: report.run.toVersion, counts: report.run.counts },
    modules: report.modules
      .map((module) => ({ name: module.name, status: module.status, errors: module.errors.map((e) => e.message) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    excluded: report.excluded,
    deployments,
  });
}

/** Finishes whatever the kill interrupted, the way an admin would: upgrade (resumes or redoes), then deploy. */
async function finish(env: string): Promise<void> {
  await must(env, ['upgrade', '--to', TARGET]);
  const latest = JSON.parse((await must(env, ['status', '--json'])).stdout) as { latestRun: { status: string } };
  if (latest.latestRun.status !== 'finished') await must(env, ['prepare']);
  await must(env, ['deploy-prepared']);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const next = random(options.seed);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-soak-'));
  const started = Date.now();
  try {
    const factory = path.join(work, 'factory');
    generateFactory(factory, {
      moduleCount: options.modules,
      seed: options.seed,
      cycles: 1,
      removedApiUsers: 0.1,
      uploadedOnly: 0.05,
      publishFailed: 0.05,
    });
    // The uninterrupted run: its timings bound the kill moments, its end state is the reference.
    const imported = path.join(work, 'imported');
    const importMs = (await must(imported, ['import', factory])).ms;
    await must(imported, ['config', 'set', 'parallelCompilations', '2']);
    await must(imported, ['config', 'apply']);
    const upgraded = path.join(work, 'upgraded');
    fs.cpSync(imported, upgraded, { recursive: true });
    const upgradeMs = (await must(upgraded, ['upgrade', '--to', TARGET])).ms;
    const beforeDeploy = path.join(work, 'before-deploy');
    fs.cpSync(upgraded, beforeDeploy, { recursive: true });
    const deployMs = (await must(upgraded, ['deploy-prepared'])).ms;
    const reference = await finalState(upgraded);
    console.log(
      `soak: ${options.modules} modules, seed ${options.seed}; uninterrupted: import ${importMs} ms, ` +
        `upgrade + preparation ${upgradeMs} ms, deploy-prepared ${deployMs} ms`,
    );

    const outcomes: Outcome[] = [];
    for (let i = 0; i < options.iterations; i++) {
      const scenario = SCENARIOS[i % SCENARIOS.length];
      const env = path.join(work, `run-${i}`);
      const problems: string[] = [];
      let killedAtMs = 0;
      let killed = false;
      try {
        if (scenario === 'import') {
          killedAtMs = Math.round(next() * importMs);
          killed = (await cli(env, ['import', factory], killedAtMs)).killed;
          await checkAfterKill(env, problems);
          await must(env, ['import', factory, '--force']);
          await must(env, ['config', 'set', 'parallelCompilations', '2']);
          await must(env, ['config', 'apply']);
        } else if (scenario === 'deploy-prepared') {
          fs.cpSync(beforeDeploy, env, { recursive: true });
          killedAtMs = Math.round(next() * deployMs);
          killed = (await cli(env, ['deploy-prepared'], killedAtMs)).killed;
          await checkAfterKill(env, problems);
        } else {
          fs.cpSync(imported, env, { recursive: true });
          if (scenario === 'prepare') {
            // An upgrade killed in its preparation, then the `prepare` that resumes it, killed too.
            await cli(env, ['upgrade', '--to', TARGET], Math.round(upgradeMs * (0.5 + next() * 0.3)));
            await checkAfterKill(env, problems);
            killedAtMs = Math.round(next() * upgradeMs * 0.5);
            killed = (await cli(env, ['prepare'], killedAtMs)).killed;
          } else if (scenario === 'disk-full') {
            // The disk fills at a random point of the upgrade: a clear message, the lock free, then it resumes.
            killedAtMs = 1 + Math.floor(next() * 60);
            const full = await cli(env, ['upgrade', '--to', TARGET], undefined, `db-max-pages:${killedAtMs}`);
            killed = full.status === 1;
            if (full.status !== 1 && full.status !== 0 && full.status !== 3)
              problems.push(`a full disk ended the upgrade with exit ${full.status}: ${full.stderr.trim()}`);
            if (killed && !full.stderr.includes('ran out of space'))
              problems.push(`a full disk was not said as such: ${full.stderr.trim()}`);
            if (/^\s+at |a bug|Could not release/m.test(full.stderr))
              problems.push(`a full disk was reported as a bug: ${full.stderr.trim()}`);
          } else if (scenario === 'service') {
            killedAtMs = Math.round(next() * upgradeMs);
            killed = await upgradeInServiceAndKill(env, killedAtMs);
          } else {
            killedAtMs = Math.round(next() * upgradeMs);
            killed = (await cli(env, ['upgrade', '--to', TARGET], killedAtMs)).killed;
          }
          await checkAfterKill(env, problems);
        }
        await finish(env);
        checkCompiledOnce(env, problems);
        const end = await finalState(env);
        if (end !== reference) problems.push(`final state differs from the uninterrupted run's:\n${end}\n${reference}`);
      } catch (error) {
        problems.push((error as Error).message);
      }
      outcomes.push({ scenario, killedAtMs, killed, problems });
      const verdict = problems.length === 0 ? 'ok' : `FAILED\n    ${problems.join('\n    ')}`;
      console.log(
        `soak ${String(i + 1).padStart(2)}/${options.iterations} ${scenario.padEnd(15)} ` +
          `${
            scenario === 'disk-full'
              ? killed
                ? `disk full after ${killedAtMs} more pages`
                : `fitted in ${killedAtMs} more pages`
              : killed
                ? `killed at ${killedAtMs} ms`
                : `ended before ${killedAtMs} ms`
          }: ${verdict}`,
      );
      fs.rmSync(env, { recursive: true, force: true });
    }

    const failed = outcomes.filter((outcome) => outcome.problems.length > 0);
    console.log('\nsoak tally (scenario: iterations, killed mid-way, failed):');
    for (const scenario of SCENARIOS) {
      const of = outcomes.filter((outcome) => outcome.scenario === scenario);
      if (of.length === 0) continue;
      console.log(
        `  ${scenario.padEnd(15)} ${of.length}, ${of.filter((o) => o.killed).length}, ${of.filter((o) => o.problems.length > 0).length}`,
      );
    }
    console.log(
      `  total           ${outcomes.length}, ${outcomes.filter((o) => o.killed).length}, ${failed.length}` +
        ` (${Math.round((Date.now() - started) / 1000)} s)`,
    );
    process.exitCode = failed.length > 0 ? 1 : 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
