import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentStatus } from '../../../common/domain';
import { installedPlatformVersion } from '../../engine/platform/platform-versions';
import { deployedVersions } from '../../../test-support/environment-db';
import { legacyMailSource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { runCli } from '../../../test-support/run-cli';

describe('import of a good factory', () => {
  const imported = importedEnvironment({
    factory: (dir) =>
      writeTestFactory(dir, {
        name: 'Acme Test',
        platformVersion: '11.12.0',
        modules: [
          { name: 'CommonLib', application: 'Shared' },
          { name: 'Orders', application: 'Sales', references: ['CommonLib'] },
          { name: 'Billing', application: 'Sales', files: legacyMailSource() },
          { name: 'Draft', application: 'Sales', state: 'uploaded' },
          { name: 'Legacy', application: 'Sales', state: 'publish-failed' },
        ],
      }),
    // The import is what the first tests check.
    keepImportResult: true,
  });

  it('deploys the published modules on the environment version and only stores the uploaded ones', () => {
    expect(imported.importResult.status).toBe(0);
    expect(imported.importResult.stdout).toContain(`Imported 'Acme Test' (platform 11.12.0) into ${imported.dir}.`);
    expect(imported.importResult.stdout).toContain(
      '5 modules in 2 applications: 2 published and deployed, 1 uploaded, 2 failed to publish (1 as the factory recorded them).',
    );
    expect(deployedVersions(imported.dir)).toEqual({
      Billing: null,
      CommonLib: '11.12.0',
      Draft: null,
      Legacy: null,
      Orders: '11.12.0',
    });
  });

  it('counts the modules the factory lists as failed to publish, and says how to publish them', () => {
    expect(imported.importResult.stdout).toContain('Failed to publish in the factory, not deployed: Legacy.');
    expect(imported.importResult.stdout).toContain('then publish it (config-tool publish NAME)');
  });

  it('reports a published module that uses an API its version does not have as publish-failed, with file and line', () => {
    expect(imported.importResult.stdout).toMatch(/^Billing: publish failed — src\/index\.ts:1:\d+ .*sendMailLegacy/m);
  });

  it('shows its progress as plain lines on stderr when stderr is not a terminal', () => {
    expect(imported.importResult.stderr).toContain('Reading module 5 of 5');
    expect(imported.importResult.stderr).toContain('Compiled module 3 of 3');
  });

  it('refuses to import into an existing environment without --force and leaves it as it was', async () => {
    const other = writeTestFactory(path.join(imported.workDir, 'other-factory'), {
      name: 'Other',
      modules: [{ name: 'Solo', state: 'uploaded' }],
    });

    const result = await runCli(['import', other, '--env', imported.dir]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`An environment already exists in ${imported.dir}. Use --force to replace it`);
    const status = JSON.parse((await runCli(['status', '--json', '--env', imported.dir])).stdout) as EnvironmentStatus;
    expect(status.name).toBe('Acme Test');
  });

  it('replaces the environment with --force', async () => {
    const copy = imported.fresh();
    const other = writeTestFactory(path.join(imported.workDir, 'forced-factory'), {
      name: 'Other',
      modules: [{ name: 'Solo', state: 'uploaded' }],
    });

    const result = await runCli(['import', other, '--force', '--env', copy]);

    expect(result.status).toBe(0);
    expect(deployedVersions(copy)).toEqual({ Solo: null });
  });

  it('keeps the existing environment when a forced import of a broken factory fails', async () => {
    const copy = imported.fresh();
    const broken = writeTestFactory(path.join(imported.workDir, 'broken-factory'), {
      modules: [{ name: 'Orphan', references: ['Missing'] }],
    });

    const result = await runCli(['import', broken, '--force', '--env', copy]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`"references" names 'Missing'`);
    expect(deployedVersions(copy)).toEqual(deployedVersions(imported.dir));
  });

  it('says so and exits 0 when init --demo finds an environment already there', async () => {
    const result = await runCli(['init', '--demo', '--env', imported.dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`An environment already exists in ${imported.dir}; nothing to do.`);
    expect(deployedVersions(imported.dir).CommonLib).toBe('11.12.0');
  });

  it('prints the status as JSON with the environment and installed versions, nothing else on stdout', async () => {
    const result = await runCli(['status', '--json', '--env', imported.dir]);

    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout) as EnvironmentStatus;
    expect(status).toMatchObject({
      name: 'Acme Test',
      location: imported.dir,
      platformVersion: '11.12.0',
      installedVersion: installedPlatformVersion(),
      upgradePending: true,
      moduleCount: 5,
      applicationCount: 2,
      latestRun: null,
      lock: null,
    });
  });

  it('shows the status for people: name, folder, versions with the pending upgrade, counts', async () => {
    const result = await runCli(['status', '--env', imported.dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Environment: +Acme Test$/m);
    expect(result.stdout).toMatch(new RegExp(`^Folder: +${imported.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(result.stdout).toContain(
      `11.12.0 (installed Platform Server: ${installedPlatformVersion()}) — upgrade pending`,
    );
    expect(result.stdout).toMatch(/^Modules: +5 modules in 2 applications$/m);
    expect(result.stdout).toMatch(/^Latest run: +none yet$/m);
  });
});
