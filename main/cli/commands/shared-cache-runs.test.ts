import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../../../test-support/cache-server';
import { compilationsPerModule } from '../../../test-support/environment-db';
import { writePipelineFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport, reportStatuses } from '../../../test-support/json-report';
import { runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

const TARGET = '11.13.0';

/** One factory for the pipeline: every environment is a copy of the same import (a library, consumers, a failure). */
const imported = importedEnvironment({ prefix: 'config-tool-shared-runs-', factory: writePipelineFactory });

let server: CacheServer;
beforeAll(async () => {
  server = await startCacheServer();
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await server?.dispose();
});

/** The variables an unattended pipeline sets (spec §4d), signing key included; no secrets file of the user's is read. */
function cacheVariables(mode: 'read-only' | 'read-write'): Record<string, string> {
  return {
    CONFIG_TOOL_CACHE_MODE: mode,
    CONFIG_TOOL_CACHE_URL: server.url,
    CONFIG_TOOL_CACHE_TEAM: 'pipeline',
    CONFIG_TOOL_CACHE_TOKEN: server.token,
    CONFIG_TOOL_CACHE_SIGNING_KEY: 'pipeline-signing-key',
    CONFIG_TOOL_CACHE_SECRETS_FILE: path.join(imported.workDir, 'no-secrets.json'),
  };
}

describe('the shared compilation cache in runs (spec §4d)', () => {
  it(
    'lets a second environment reuse what the first compiled, with the same outcome module by module, and read-only never writes',
    async () => {
      const qa = imported.fresh();
      const production = imported.fresh();
      const cold = imported.fresh();

      const first = await cli(qa, ['upgrade', '--to', TARGET], cacheVariables('read-write'));
      const qaReport = await readJsonReport(qa);
      expect(qaReport.run.sharedCache).toMatchObject({ hits: 0, uploaded: 4, errors: 0 });
      const stored = server.snapshot();

      const second = await cli(production, ['upgrade', '--to', TARGET], cacheVariables('read-only'));

      expect(second.status).toBe(first.status);
      expect(server.snapshot()).toEqual(stored);
      expect(compilationsPerModule(production, 'prepare', TARGET)).toEqual({});
      const report = await readJsonReport(production);
      expect(report.run.sharedCache).toEqual({ hits: 4, misses: 0, refused: 0, uploaded: 0, errors: 0 });
      const reused = report.modules.find((module) => module.name === 'Portal')!;
      expect(reused.reusedFromSharedCache?.environment).toBe('Acme QA');
      expect(second.stderr).toContain('Portal: reused from the shared cache (Acme QA).');
      await cli(cold, ['upgrade', '--to', TARGET]);
      expect(reportStatuses(report)).toEqual(reportStatuses(await readJsonReport(cold)));
      expect(reportStatuses(report)).toMatchObject({ Mailer: 'failed', Portal: 'prepared' });
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'compiles locally when the server is down, says once why, and counts the failed lookups',
    async () => {
      const env = imported.fresh();
      const cold = imported.fresh();
      await server.stop();
      try {
        const upgrade = await cli(env, ['upgrade', '--to', TARGET], cacheVariables('read-only'));

        expect(upgrade.status).toBe(3);
        expect(upgrade.stderr.match(/the shared compilation cache is not used/g)).toHaveLength(1);
        const report = await readJsonReport(env);
        expect(report.run.sharedCache?.hits).toBe(0);
        expect(report.run.sharedCache?.errors).toBeGreaterThan(0);
        await cli(cold, ['upgrade', '--to', TARGET]);
        expect(reportStatuses(report)).toEqual(reportStatuses(await readJsonReport(cold)));
      } finally {
        await server.restart();
      }
    },
    SETUP_TIMEOUT_MS,
  );
});
