import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../../../test-support/cache-server';
import { killIfRunning, startCli, waitFor } from '../../../test-support/background-cli';
import { compilationsPerModule, queryEnvironment } from '../../../test-support/environment-db';
import { writePipelineFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport, reportStatuses } from '../../../test-support/json-report';
import { runCli, runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

const TARGET = '11.13.0';
const SIGNING_KEY = 'pipeline-signing-key-7f3a';

/** The pipeline's factory: a library, consumers, and a module that fails on the target (failures are shared too). */
const imported = importedEnvironment({ prefix: 'config-tool-shared-pipeline-', factory: writePipelineFactory });

let server: CacheServer;
beforeAll(async () => {
  server = await startCacheServer();
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await server?.dispose();
});

/** The variables of an unattended pipeline (spec §4d), each test with a team of its own on the one server. */
function cacheVariables(mode: 'read-only' | 'read-write', team: string): Record<string, string> {
  return {
    CONFIG_TOOL_CACHE_MODE: mode,
    CONFIG_TOOL_CACHE_URL: server.url,
    CONFIG_TOOL_CACHE_TEAM: team,
    CONFIG_TOOL_CACHE_TOKEN: server.token,
    CONFIG_TOOL_CACHE_SIGNING_KEY: SIGNING_KEY,
    CONFIG_TOOL_CACHE_SECRETS_FILE: path.join(imported.workDir, 'no-secrets.json'),
  };
}

/** The files the server stores for a team (artifacts and their signatures). */
function teamFiles(team: string): string[] {
  return Object.keys(server.snapshot()).filter((file) => file.split(path.sep)[0] === team);
}

/** Every module's outcome of an upgrade to TARGET without any cache: the oracle for a run that used one. */
let coldOutcome: Record<string, string> | undefined;
async function coldStatuses(): Promise<Record<string, string>> {
  if (!coldOutcome) {
    const cold = imported.fresh();
    await cli(cold, ['upgrade', '--to', TARGET]);
    coldOutcome = reportStatuses(await readJsonReport(cold));
  }
  return coldOutcome;
}

describe('the shared compilation cache through the CLI, against the real server (spec §4d)', () => {
  it(
    'lets an import and a readiness check reuse what another environment of the same factory compiled',
    async () => {
      const team = 'import-check';
      const first = path.join(imported.workDir, 'import-a');
      const second = path.join(imported.workDir, 'import-b');
      const importA = await runCli(['import', imported.factoryDir, '--env', first], {
        env: cacheVariables('read-write', team),
      });
      expect(importA.status, importA.stderr).toBe(0);
      expect(importA.stderr).toMatch(/Shared cache: 0 hits, \d+ misses, 0 refused, [1-9]\d* uploaded, 0 errors\./);

      const importB = await runCli(['import', imported.factoryDir, '--env', second], {
        env: cacheVariables('read-only', team),
      });

      expect(importB.status, importB.stderr).toBe(0);
      expect(importB.stderr).toMatch(/Shared cache: [1-9]\d* hits, 0 misses, 0 refused, 0 uploaded, 0 errors\./);
      const compiledOnImport = (dir: string) =>
        queryEnvironment<{ n: number }>(dir, "SELECT count(*) AS n FROM compilations WHERE purpose = 'import'")[0].n;
      expect(compiledOnImport(first)).toBeGreaterThan(0);
      expect(compiledOnImport(second)).toBe(0);

      const checkA = await cli(first, ['check', '--to', TARGET, '--json'], cacheVariables('read-write', team));
      const checkB = await cli(second, ['check', '--to', TARGET, '--json'], cacheVariables('read-only', team));

      expect(checkB.status).toBe(checkA.status);
      expect(compilationsPerModule(second, 'check')).toEqual({});
      const [reportA, reportB] = [checkA, checkB].map((run) => JSON.parse(run.stdout) as { run: unknown });
      expect(reportB.run).toMatchObject({ sharedCache: { hits: 4, misses: 0, refused: 0, uploaded: 0, errors: 0 } });
      expect(reportStatuses(reportB as never)).toEqual(reportStatuses(reportA as never));
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'refuses a damaged cache entry, counts it, and compiles that module locally with the same outcome',
    async () => {
      const team = 'tampered';
      const qa = imported.fresh();
      const production = imported.fresh();
      await cli(qa, ['upgrade', '--to', TARGET], cacheVariables('read-write', team));
      const artifact = teamFiles(team).find((file) => !file.endsWith('.tag'))!;
      const stored = path.join(server.storage, artifact);
      const bytes = fs.readFileSync(stored);
      bytes[bytes.length >> 1] ^= 0xff;
      fs.writeFileSync(stored, bytes);

      const upgrade = await cli(production, ['upgrade', '--to', TARGET], cacheVariables('read-only', team));

      const report = await readJsonReport(production);
      expect(report.run.sharedCache).toEqual({ hits: 3, misses: 0, refused: 1, uploaded: 0, errors: 0 });
      expect(Object.values(compilationsPerModule(production, 'prepare', TARGET))).toEqual([1]);
      expect(upgrade.status).toBe(3);
      expect(reportStatuses(report)).toEqual(await coldStatuses());
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'writes nothing read-only when the server stops mid-run: the run finishes and counts the failed lookups',
    async () => {
      const team = 'stopped';
      const production = imported.fresh();
      const before = server.snapshot();
      // CoreLib is held before it compiles: its consumers' lookups come after the server has stopped.
      const upgrade = startCli(['upgrade', '--to', TARGET, '--env', production], {
        ...cacheVariables('read-only', team),
        CONFIG_TOOL_TEST_FAULTS: 'prepare-hold:CoreLib',
      });
      try {
        await waitFor(
          () =>
            fs.existsSync(path.join(production, 'environment.db')) &&
            queryEnvironment(production, "SELECT 1 FROM preparation_runs WHERE status = 'running'").length > 0,
          'the upgrade to start its preparation',
        );
        await server.stop();
        fs.writeFileSync(path.join(production, 'test-release-CoreLib'), '');
        expect(await upgrade.exited).toBe(3);
      } finally {
        killIfRunning(upgrade);
        await server.restart();
      }

      expect(server.snapshot()).toEqual(before);
      const report = await readJsonReport(production);
      expect(report.run.status).toBe('finished');
      expect(report.run.sharedCache).toMatchObject({ hits: 0, uploaded: 0 });
      expect(report.run.sharedCache!.errors).toBeGreaterThan(0);
      expect(upgrade.stderr().match(/the shared compilation cache is not used/g)).toHaveLength(1);
      expect(reportStatuses(report)).toEqual(await coldStatuses());
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'keeps the token and the signing key out of the environment database, the logs, the output and `ps`',
    async () => {
      const production = imported.fresh();
      const upgrade = startCli(['upgrade', '--to', TARGET, '--env', production], {
        ...cacheVariables('read-write', 'secrets'),
        CONFIG_TOOL_TEST_FAULTS: 'prepare-hold:CoreLib',
      });
      let processes: string;
      try {
        await waitFor(
          () =>
            fs.existsSync(path.join(production, 'environment.db')) &&
            queryEnvironment(production, "SELECT 1 FROM preparation_runs WHERE status = 'running'").length > 0,
          'the upgrade to start its preparation',
        );
        // Every process's command line while the run and its compiler processes are up.
        processes = execFileSync('ps', ['-eww', '-o', 'args'], { encoding: 'utf8' });
        fs.writeFileSync(path.join(production, 'test-release-CoreLib'), '');
        expect(await upgrade.exited).toBe(3);
      } finally {
        killIfRunning(upgrade);
      }

      expect(processes).toContain(production);
      // The run's log lies in the database; the reports show it.
      const reports = await Promise.all(
        ['html', 'json'].map((format) => cli(production, ['report', '--format', format])),
      );
      const written = [upgrade.stdout(), upgrade.stderr(), processes, ...reports.map((report) => report.stdout)];
      for (const entry of fs.readdirSync(production, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) written.push(fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'));
      }
      expect(teamFiles('secrets').length).toBeGreaterThan(0);
      for (const text of written) {
        expect(text).not.toContain(server.token);
        expect(text).not.toContain(SIGNING_KEY);
      }
    },
    SETUP_TIMEOUT_MS,
  );
});
