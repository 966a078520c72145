import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../common/contract';
import type { EnvironmentStatus } from '../../common/domain';
import { decodeModuleRows, type ModuleListWire } from '../../common/module-list';
import { generateFactory } from '../../test-support/generated-factory';
import { importedEnvironment } from '../../test-support/imported-environment';
import { runCliIn, SETUP_TIMEOUT_MS } from '../../test-support/run-cli';
import { nodeServiceSpawn } from '../host/node-service';
import { startServiceConnection, type ServiceConnection } from '../host/service-connection';

const imported = importedEnvironment({
  prefix: 'config-tool-service-ops-',
  factory: (dir) =>
    generateFactory(dir, { moduleCount: 24, seed: 5, removedApiUsers: 0.15, uploadedOnly: 0, publishFailed: 0 }),
  afterImport: async (dir) => {
    // A finished run with failed modules: "Prepare again" has something to do.
    expect((await runCliIn(dir, ['upgrade', '--to', '11.12.0'])).status).toBe(3);
  },
});
let env: string;
let service: ServiceConnection;
let published: string;
/** A module the Apply/Exit preparation compiles: held there (prepare-hold) until the test releases it. */
let heldInRun: string;

function failure(result: InvokeResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function status(): Promise<EnvironmentStatus> {
  const result = await service.request('environment.status', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as EnvironmentStatus;
}

async function settled(): Promise<EnvironmentStatus> {
  for (;;) {
    const now = await status();
    if (!now.lock && !now.activeRun) return now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// After the file's environment is imported (importedEnvironment's beforeAll runs first: hooks run in order).
beforeAll(async () => {
  env = imported.dir;
  const { factory } = imported;
  // A new version of a prepared module: publishing it compiles (it takes a while), nothing to reuse.
  const prepared = factory.modules.filter((module) => factory.expected[module.name] === 'prepared');
  published = prepared[0].name;
  heldInRun = prepared[1].name;
  const upload = await runCliIn(env, ['upload', published, path.join(imported.factoryDir, 'modules', published)]);
  expect(upload.status, upload.stderr).toBe(0);
  // The publish and the upgrade's preparation wait for the test's word (test-release files), so the
  // requests sent "while they run" reach the service while they do, however loaded the machine is.
  service = startServiceConnection({
    spawn: nodeServiceSpawn({
      environmentDir: env,
      env: { CONFIG_TOOL_TEST_FAULTS: `publish-hold:${published},prepare-hold:${heldInRun}` },
    }),
  });
  await service.ready;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await service?.stop();
});

describe('long operations in one service process', () => {
  it(
    'runs one at a time: publish, Apply/Exit and Prepare again asked together; the others are refused naming it',
    async () => {
      const name = published;
      // The publish is held before it compiles; it ends only once released below.
      const publishing = service.request('modules.publish', { names: [name] });
      const [upgrade, retry] = await Promise.all([
        service.request('upgrade.start', { toVersion: '11.13.0' }),
        service.request('preparation.retry', {}),
      ]);
      fs.writeFileSync(path.join(env, `test-release-publish-${name}`), '');
      const publish = await publishing;

      expect(publish.ok, JSON.stringify(publish)).toBe(true);
      for (const refused of [failure(upgrade), failure(retry)]) {
        expect(refused.code).toBe('operation-running');
        expect(refused.message).toContain(`publish of ${name} is running (since `);
        expect(refused.message).toContain('try again when it finishes');
      }
      expect((await status()).platformVersion).toBe('11.12.0');

      // Once the publish is done, Apply/Exit starts; while it runs, Prepare again is refused naming it,
      // and a publish is the environment lock's to refuse.
      const started = await service.request('upgrade.start', { toVersion: '11.13.0' });
      expect(started.ok, JSON.stringify(started)).toBe(true);
      const [retryDuring, publishDuring] = await Promise.all([
        service.request('preparation.retry', {}),
        service.request('modules.publish', { names: [name] }),
      ]);
      expect(failure(retryDuring).code).toBe('operation-running');
      expect(failure(retryDuring).message).toContain('the upgrade to 11.13.0 (Apply/Exit) is running');
      expect(failure(publishDuring).code).toBe('refused-by-lock');

      fs.writeFileSync(path.join(env, `test-release-${heldInRun}`), '');
      const after = await settled();
      expect(after.platformVersion).toBe('11.13.0');
      expect(after.latestRun?.status).toBe('finished');
      expect(after.latestRun?.toVersion).toBe('11.13.0');

      // Free again: Prepare again is accepted.
      const again = await service.request('preparation.retry', {});
      expect(again.ok, JSON.stringify(again)).toBe(true);
      expect((await settled()).latestRun?.status).toBe('finished');
    },
    SETUP_TIMEOUT_MS,
  );
});

describe('the Modules list', () => {
  it('answers its first rows alone when asked (a page shows them before the rest), the same rows the whole list begins with', async () => {
    const whole = await service.request('modules.list', {});
    const first = await service.request('modules.list', { first: 5 });
    if (!whole.ok || !first.ok) throw new Error('modules.list was refused');
    const rows = decodeModuleRows(whole.value as ModuleListWire);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]).toMatchObject({ name: expect.any(String), application: expect.any(String) });
    expect(decodeModuleRows(first.value as ModuleListWire)).toEqual(rows.slice(0, 5));
  });
});
