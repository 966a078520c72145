import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFactory } from '../../../test-support/generated-factory';
import { startCli, waitFor } from '../../../test-support/background-cli';
import { compilationsPerModule, queryEnvironment as query } from '../../../test-support/environment-db';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport as reportOf, type JsonReport } from '../../../test-support/json-report';
import { faults, runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

const imported = importedEnvironment({
  prefix: 'config-tool-check-',
  factory: (dir) =>
    generateFactory(dir, {
      moduleCount: 30,
      applicationCount: 4,
      maxDepth: 4,
      filesPerModule: 2,
      seed: 12,
      cycles: 1,
      removedApiUsers: 0.12,
      uploadedOnly: 0.06,
      publishFailed: 0.06,
    }),
  settings: { checkParallelCompilations: '1', moduleTimeLimitSeconds: '30' },
});
let uploadCounter = 0;

/** `status --json`'s readiness part. */
interface ReadinessJson {
  targetVersion: string | null;
  latest: { id: number; status: string; counts: Record<string, number>; changedSince: string[] } | null;
  running: { id: number; status: string } | null;
}

/** Each module's status, the excluded ones with their reason: what a check and the preparation after it must share. */
function statuses(json: JsonReport): Record<string, string> {
  const all: Record<string, string> = {};
  for (const module of json.modules) all[module.name] = module.status;
  for (const module of json.excluded) all[module.name] = `excluded: ${module.reason}`;
  return all;
}

/** What the environment runs and is: version, deployments, lock rows. What a check must leave alone. */
function environmentState(env: string) {
  return {
    version: query<{ v: string }>(env, 'SELECT platform_version AS v FROM environment')[0].v,
    deployments: query(env, 'SELECT module_id, artifact_id, platform_version FROM deployments ORDER BY module_id'),
    locks: query(env, 'SELECT * FROM locks'),
  };
}

/** Starts `config-tool check` in the background, each compilation slowed down so the test can act mid-run. */
/** A check that holds a module without producers until `release()`: tests act during it whatever the machine's speed. */
function startHeldCheck(env: string) {
  const held = rootModuleOtherThan(env, '');
  const check = startCli(['check', '--env', env], faults(`prepare-hold:${held}`));
  return { ...check, release: () => fs.writeFileSync(path.join(env, `test-release-${held}`), '') };
}

/** A deployed module that consumes none (so a check never skips it), with the fewest consumers, other than `other`. */
function rootModuleOtherThan(env: string, other: string): string {
  const modules = query<{ name: string; references: string }>(
    env,
    `SELECT m.name, v.references_json AS "references" FROM modules m
       JOIN module_versions v ON v.id = m.latest_version_id JOIN deployments d ON d.module_id = m.id
      WHERE m.is_system = 0`,
  ).map((module) => ({ name: module.name, references: JSON.parse(module.references) as string[] }));
  const consumers = (name: string) => modules.filter((module) => module.references.includes(name)).length;
  const roots = modules.filter((module) => module.references.length === 0 && module.name !== other);
  roots.sort((a, b) => consumers(a.name) - consumers(b.name) || a.name.localeCompare(b.name));
  return roots[0].name;
}

function checkedCount(env: string): number {
  return query<{ n: number }>(
    env,
    `SELECT count(*) AS n FROM preparation_items i JOIN preparation_runs r ON r.id = i.run_id
      WHERE r.kind = 'check' AND i.status IN ('prepared', 'failed', 'skipped')`,
  )[0].n;
}

/** Writes module NAME's running sources, with `change` applied, as a module folder `upload` reads. */
function changedModuleFolder(env: string, name: string, change: (source: string) => string): string {
  const [module] = query<{ application: string; kind: string; references: string; versionId: number }>(
    env,
    `SELECT a.name AS application, m.kind, v.references_json AS "references", v.id AS versionId
       FROM modules m JOIN applications a ON a.id = m.application_id JOIN module_versions v ON v.id = m.latest_version_id
      WHERE m.name = @name`,
    { name },
  );
  const dir = path.join(imported.workDir, `upload-${name}-${++uploadCounter}`);
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name,
    application: module.application,
    kind: module.kind,
    state: 'published',
    references: JSON.parse(module.references) as string[],
  };
  fs.writeFileSync(path.join(dir, 'module.json'), JSON.stringify(manifest, null, 2));
  for (const file of query<{ path: string; content: string }>(
    env,
    'SELECT path, content FROM module_sources WHERE module_version_id = @id',
    { id: module.versionId },
  )) {
    // Stored paths are relative to the module folder (src/…).
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.path === 'src/index.ts' ? change(file.content) : file.content);
  }
  return dir;
}

/** A producer the check found ready that other modules consume: changing it makes consumers wait for it. */
function consumedReadyLibrary(env: string, check: JsonReport): string {
  const readyInCheck = new Set(check.modules.filter((m) => m.status === 'prepared').map((m) => m.name));
  return query<{ name: string }>(
    env,
    `SELECT m.name FROM modules m JOIN module_versions v ON v.id = m.latest_version_id
      WHERE m.is_system = 0 AND EXISTS (SELECT 1 FROM module_versions c JOIN modules cm ON cm.latest_version_id = c.id
                                         WHERE c.references_json LIKE '%"' || m.name || '"%')
      ORDER BY m.name`,
  ).find((row) => readyInCheck.has(row.name))!.name;
}

/** Uploads and publishes a new version of `name` whose public interface is unchanged (a comment added). */
async function republishSameInterface(env: string, name: string): Promise<void> {
  const folder = changedModuleFolder(env, name, (source) => `${source}\n// Changed after the readiness check.\n`);
  const uploaded = await cli(env, ['upload', name, folder]);
  expect(uploaded.status, uploaded.stderr).toBe(0);
  const published = await cli(env, ['publish', name]);
  expect(published.status, published.stderr).toBe(0);
}

describe('check (spec §4c)', () => {
  it(
    'gives, module by module, the outcome the preparation then gives, and changes nothing in the environment',
    async () => {
      const env = imported.fresh();
      const before = environmentState(env);
      const checked = await cli(env, ['check', '--json']);
      const check = JSON.parse(checked.stdout) as JsonReport;
      expect(check.run.kind).toBe('check');
      expect(check.run.status).toBe('finished');
      expect(check.modules.some((module) => module.status === 'failed')).toBe(true);
      expect(checked.status).toBe(3);
      expect(environmentState(env)).toEqual(before);
      expect(query(env, "SELECT 1 FROM preparation_items WHERE status = 'compiling'")).toEqual([]);

      // `report` without --run is about preparations; the check is there by its number.
      const latest = await cli(env, ['report', '--format', 'json']);
      expect(latest.status).toBe(1);
      const byNumber = await reportOf(env, check.run.id);
      expect(byNumber).toEqual(check);
      const csv = await cli(env, ['report', '--run', String(check.run.id), '--format', 'csv']);
      expect(csv.stdout.split(/\r?\n/)[0]).toBe(
        'name,application,status,duration_ms,errors,reused_from_check,reused_from_shared_cache',
      );
      const junit = await cli(env, ['report', '--run', String(check.run.id), '--format', 'junit']);
      expect(junit.stdout).toContain('<property name="kind" value="check"/>');

      const upgraded = await cli(env, ['upgrade', '--json']);
      const preparation = JSON.parse(upgraded.stdout) as JsonReport;
      expect(upgraded.status).toBe(checked.status);
      expect(preparation.run.kind).toBe('upgrade');
      expect(statuses(preparation)).toEqual(statuses(check));
      for (const module of preparation.modules) {
        const inCheck = check.modules.find((entry) => entry.name === module.name)!;
        expect(module.errors.map((error) => error.message)).toEqual(inCheck.errors.map((error) => error.message));
        // Every module the check compiled is reused, never compiled again.
        if (inCheck.status !== 'skipped') expect(module.reusedFromCheck, module.name).toBe(check.run.id);
      }
      expect(Object.keys(compilationsPerModule(env, 'prepare'))).toEqual([]);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'takes no lock: a publish during the check succeeds; the preparation after it compiles again only what changed since',
    async () => {
      const env = imported.fresh();
      const deployed = query<{ name: string }>(
        env,
        'SELECT m.name FROM modules m JOIN deployments d ON d.module_id = m.id WHERE m.is_system = 0 ORDER BY m.name LIMIT 1',
      )[0].name;
      // The check holds a module without producers (never skipped) until the test releases it, so the publish
      // lands while it runs whatever the machine's speed; a second compiler process checks the others meanwhile.
      const held = rootModuleOtherThan(env, deployed);
      expect((await cli(env, ['config', 'set', 'checkParallelCompilations', '2'])).status).toBe(0);
      expect((await cli(env, ['config', 'apply'])).status).toBe(0);
      const check = startCli(['check', '--env', env], faults(`prepare-hold:${held}`));
      await waitFor(() => checkedCount(env) >= 2, 'two checked modules');
      const duringCheck = await cli(env, ['publish', deployed]);
      expect(duringCheck.status, duringCheck.stderr).toBe(0);
      expect(check.child.exitCode, 'the check was still running').toBeNull();
      fs.writeFileSync(path.join(env, `test-release-${held}`), '');
      expect(await check.exited).toBe(3);
      const checkRun = query<{ id: number }>(env, "SELECT max(id) AS id FROM preparation_runs WHERE kind = 'check'")[0];
      const checked = await reportOf(env, checkRun.id);
      // After the check: a new version of a library others consume (same interface), uploaded and published.
      const library = consumedReadyLibrary(env, checked);
      await republishSameInterface(env, library);

      const upgraded = await cli(env, ['upgrade', '--json']);
      const preparation = JSON.parse(upgraded.stdout) as JsonReport;
      // Only the module changed since is compiled again: the check's other compilations are reused,
      // its failed ones too (same inputs, same errors).
      expect(Object.keys(compilationsPerModule(env, 'prepare'))).toEqual([library]);
      const changed = preparation.modules.find((module) => module.name === library)!;
      expect(changed.status).toBe('prepared');
      expect(changed.reusedFromCheck).toBeUndefined();
      const compiledInCheck = checked.modules.filter((m) => m.status !== 'skipped').length;
      expect(preparation.modules.filter((module) => module.reusedFromCheck === checkRun.id).length).toBe(
        compiledInCheck - 1,
      );
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'resumes a check killed with kill -9, compiling nothing it had checked twice',
    async () => {
      const env = imported.fresh();
      const check = startHeldCheck(env);
      await waitFor(() => checkedCount(env) >= 4, 'four checked modules');
      check.child.kill('SIGKILL');
      await check.exited;
      const doneBefore = query<{ name: string }>(
        env,
        `SELECT module_name AS name FROM preparation_items WHERE status = 'prepared'`,
      ).map((row) => row.name);
      const runBefore = query<{ id: number }>(env, 'SELECT max(id) AS id FROM preparation_runs')[0].id;
      const history = JSON.parse((await cli(env, ['status', '--json'])).stdout) as { latestRun: unknown };
      expect(history.latestRun).toBeNull();

      const resumed = await cli(env, ['check', '--json']);
      const report = JSON.parse(resumed.stdout) as JsonReport;
      expect(resumed.stderr).toContain(`readiness check run #${runBefore} was interrupted`);
      expect(report.run.id).toBe(runBefore);
      expect(report.run.status).toBe('finished');
      const counted = compilationsPerModule(env, 'check');
      for (const name of doneBefore) expect(counted[name], name).toBe(1);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'resumes a preparation killed with kill -9 after a check: what it had reused stays, the rest is reused, nothing is compiled twice',
    async () => {
      const env = imported.fresh();
      const check = JSON.parse((await cli(env, ['check', '--json'])).stdout) as JsonReport;
      const library = consumedReadyLibrary(env, check);
      await republishSameInterface(env, library);

      // The library is compiled again and held before its compiler; its consumers wait for it, the rest is reused.
      const upgrade = startCli(['upgrade', '--env', env], faults(`prepare-hold:${library}`));
      const upgradeRun = () =>
        query<{ id: number | null }>(env, "SELECT max(id) AS id FROM preparation_runs WHERE kind = 'upgrade'")[0].id;
      const finished = () =>
        query<{ name: string; status: string; reusedFrom: number | null }>(
          env,
          `SELECT module_name AS name, status, reused_from_run AS reusedFrom FROM preparation_items
            WHERE run_id = @runId AND status IN ('prepared', 'failed', 'skipped') ORDER BY module_name`,
          { runId: upgradeRun() ?? -1 },
        );
      await waitFor(
        () =>
          upgradeRun() !== null &&
          query(
            env,
            `SELECT 1 FROM preparation_items WHERE run_id = @runId AND module_name = @library AND status = 'compiling'`,
            {
              runId: upgradeRun(),
              library,
            },
          ).length === 1,
        'the library in the current group',
      );
      // Reused modules are written in batches; wait until the run has settled all it can without the library.
      let settled = -1;
      await waitFor(() => {
        const now = finished().length;
        const steady = now === settled;
        settled = now;
        return steady && now > 0;
      }, 'the reused modules');
      const before = finished();
      expect(before.some((row) => row.reusedFrom === check.run.id)).toBe(true);
      upgrade.child.kill('SIGKILL');
      await upgrade.exited;

      const resumed = await cli(env, ['prepare', '--json']);
      expect(resumed.stderr).toContain(`run #${upgradeRun()} was interrupted`);
      const report = JSON.parse(resumed.stdout) as JsonReport;
      expect(report.run.id).toBe(upgradeRun());
      expect(report.run.status).toBe('finished');
      expect(statuses(report)).toEqual(statuses(check));
      // Committed before the kill: unchanged. Only the library was ever compiled for the preparation, once.
      for (const row of before) {
        const module = report.modules.find((entry) => entry.name === row.name)!;
        expect(module.status, row.name).toBe(row.status);
        expect(module.reusedFromCheck, row.name).toBe(row.reusedFrom ?? undefined);
      }
      expect(compilationsPerModule(env, 'prepare')).toEqual({ [library]: 1 });
      const compiledInCheck = check.modules.filter((m) => m.status !== 'skipped').length;
      expect(report.modules.filter((module) => module.reusedFromCheck === check.run.id).length).toBe(
        compiledInCheck - 1,
      );
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'status says the latest check for the pending upgrade (counts, age, what changed since) and a running one',
    async () => {
      const env = imported.fresh();
      const statusOf = async () => {
        const text = await cli(env, ['status']);
        expect(text.status, text.stderr).toBe(0);
        const json = await cli(env, ['status', '--json']);
        return { text: text.stdout, readiness: (JSON.parse(json.stdout) as { readiness: ReadinessJson }).readiness };
      };
      let status = await statusOf();
      expect(status.text).toMatch(/^Readiness: +not checked for 11\.17\.0 yet/m);
      expect(status.readiness).toEqual({ targetVersion: '11.17.0', latest: null, running: null });

      const check = startHeldCheck(env);
      await waitFor(() => checkedCount(env) >= 2, 'two checked modules');
      status = await statusOf();
      const runId = query<{ id: number }>(env, "SELECT max(id) AS id FROM preparation_runs WHERE kind = 'check'")[0].id;
      expect(status.text).toMatch(
        new RegExp(`^Checking: +readiness check #${runId} for 11\\.17\\.0, started by .* modules done$`, 'm'),
      );
      expect(status.readiness.running?.id).toBe(runId);
      expect(status.readiness.running?.status).toBe('running');
      check.release();
      expect(await check.exited).toBe(3);

      status = await statusOf();
      const report = await reportOf(env, runId);
      const { prepared, failed, skipped, excluded } = report.run.counts;
      expect(status.text).toMatch(
        new RegExp(
          `^Readiness: +check #${runId} for 11\\.17\\.0 finished .* UTC \\((?:just now|1 minute ago)\\): ` +
            `${prepared} ready, ${failed} would fail, ${skipped} would be skipped, ${excluded} excluded$`,
          'm',
        ),
      );
      expect(status.text).not.toContain('Changed since');
      expect(status.readiness.running).toBeNull();
      expect(status.readiness.latest).toMatchObject({
        id: runId,
        status: 'finished',
        counts: report.run.counts,
        changedSince: [],
      });

      const library = consumedReadyLibrary(env, report);
      await republishSameInterface(env, library);
      status = await statusOf();
      expect(status.text).toMatch(new RegExp(`^Changed since: +1 module changed since the check: ${library} `, 'm'));
      expect(status.readiness.latest?.changedSince).toEqual([library]);
    },
    SETUP_TIMEOUT_MS,
  );

  it('refuses a target the environment is not below, and validates its setting like the others', async () => {
    const env = imported.fresh();
    const older = await cli(env, ['check', '--to', '11.10.0']);
    expect(older.status).toBe(1);
    expect(older.stderr).toContain('Nothing to check');
    const unknown = await cli(env, ['check', '--to', '9.9.9']);
    expect(unknown.status).toBe(2);
    const bad = await cli(env, ['config', 'set', 'checkParallelCompilations', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('checkParallelCompilations');
  });
});
