import { describe, expect, it } from 'vitest';
import { damageStoredCompilation } from '../../../test-support/damage-compilation';
import { compilationsPerModule, deployedVersions } from '../../../test-support/environment-db';
import { writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport, reportStatuses } from '../../../test-support/json-report';
import { runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

const TARGET = '11.13.0';

/** Imported at 11.11.3 and upgraded to 11.13.0 once: every test damages a copy of the prepared environment. */
const imported = importedEnvironment({
  prefix: 'config-tool-digest-',
  factory: (dir) =>
    writeTestFactory(dir, {
      modules: [
        { name: 'CoreLib', application: 'Core' },
        { name: 'Billing', application: 'Sales', references: ['CoreLib'] },
        { name: 'Portal', application: 'Web', references: ['Billing'] },
      ],
    }),
  afterImport: async (env) => {
    const upgrade = await cli(env, ['upgrade', '--to', TARGET]);
    expect(upgrade.status, upgrade.stderr).toBe(0);
  },
});

describe('verified compilations (spec §4d)', () => {
  it(
    'compiles a module again on publish when one byte of its prepared compilation changed, and says so',
    async () => {
      const env = imported.fresh();
      damageStoredCompilation(env, 'Billing', 'one byte of js_json');

      const publish = await cli(env, ['publish', 'Billing']);

      expect(publish.status, publish.stderr).toBe(0);
      expect(publish.stdout).toContain('Billing: its stored compilation was damaged; compiled again.');
      expect(publish.stderr).toContain('Compiled module 1 of 1: Billing');
      expect(publish.stderr).not.toContain('Reused the prepared compilation of Billing');
      expect(compilationsPerModule(env, 'publish', TARGET)).toEqual({ Billing: 1 });
      // Stored over the damaged one: published again, it is reused.
      const again = await cli(env, ['publish', 'Billing']);
      expect(again.stderr).toContain('Reused the prepared compilation of Billing (1 of 1)');
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'compiles a module again on publish when its prepared declarations can no longer be read',
    async () => {
      const env = imported.fresh();
      damageStoredCompilation(env, 'CoreLib', 'unparsable declarations_json');

      const publish = await cli(env, ['publish', 'CoreLib']);

      expect(publish.status, publish.stderr).toBe(0);
      expect(publish.stdout).toContain('CoreLib: its stored compilation was damaged; compiled again.');
      expect(compilationsPerModule(env, 'publish', TARGET)).toEqual({ CoreLib: 1 });
      expect(deployedVersions(env).CoreLib).toBe(TARGET);
    },
    SETUP_TIMEOUT_MS,
  );

  it.each(['one byte of js_json', 'unparsable declarations_json'] as const)(
    'deploy-prepared leaves out a module whose prepared compilation is damaged (%s), and the next prepare prepares it',
    async (damage) => {
      const env = imported.fresh();
      damageStoredCompilation(env, 'Portal', damage);

      const deploy = await cli(env, ['deploy-prepared']);

      expect(deploy.status, deploy.stderr).toBe(0);
      expect(deploy.stdout).toContain(
        "Stored compilation damaged, not deployed: Portal. Run 'config-tool prepare' to prepare them again.",
      );
      expect(deployedVersions(env)).toMatchObject({ CoreLib: TARGET, Billing: TARGET, Portal: '11.11.3' });

      const prepare = await cli(env, ['prepare']);
      expect(prepare.status, prepare.stderr).toBe(0);
      expect(compilationsPerModule(env, 'prepare', TARGET).Portal).toBe(2);
      expect(reportStatuses(await readJsonReport(env))).toMatchObject({ Portal: 'prepared' });
      const again = await cli(env, ['deploy-prepared', '--json']);
      expect((JSON.parse(again.stdout) as { deployed: string[] }).deployed).toEqual(['Portal']);
    },
    SETUP_TIMEOUT_MS,
  );
});

describe('a damaged readiness check compilation', () => {
  const checked = importedEnvironment({
    prefix: 'config-tool-digest-check-',
    factory: (dir) =>
      writeTestFactory(dir, {
        modules: [
          { name: 'CoreLib', application: 'Core' },
          { name: 'Billing', application: 'Sales', references: ['CoreLib'] },
        ],
      }),
  });

  it(
    'is not reused by the preparation: the module is compiled again, and the log says so',
    async () => {
      const env = checked.fresh();
      const check = await cli(env, ['check', '--to', TARGET]);
      expect(check.status, check.stderr).toBe(0);
      damageStoredCompilation(env, 'Billing', 'one byte of js_json');

      const upgrade = await cli(env, ['upgrade', '--to', TARGET]);

      expect(upgrade.status, upgrade.stderr).toBe(0);
      expect(upgrade.stderr).toContain('Billing: its stored compilation was damaged; compiled again.');
      expect(compilationsPerModule(env, 'prepare', TARGET)).toEqual({ Billing: 1 });
      expect(reportStatuses(await readJsonReport(env))).toEqual({ CoreLib: 'prepared', Billing: 'prepared' });
    },
    SETUP_TIMEOUT_MS,
  );
});
