import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedVersions } from '../../../test-support/environment-db';
import { legacyMailSource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport, type JsonReport } from '../../../test-support/json-report';
import { runCliIn, type CliResult } from '../../../test-support/run-cli';

describe('upgrade, prepare and report through the command line', () => {
  // The tests run in order on one environment: an upgrade, then what an admin does after it.
  let upgrade: CliResult;
  const imported = importedEnvironment({
    factory: (dir) =>
      writeTestFactory(dir, {
        platformVersion: '11.11.3',
        modules: [
          { name: 'CommonLib', application: 'Shared' },
          { name: 'Mailer', application: 'Billing', files: legacyMailSource() },
          {
            name: 'Invoices',
            application: 'Billing',
            references: ['Mailer'],
            files: {
              'index.ts': `import { notify } from '@modules/Mailer';\n\nexport function send(to: string): void {\n  notify(to);\n}\n`,
            },
          },
          { name: 'Draft', application: 'Billing', state: 'uploaded' },
        ],
      }),
    afterImport: async (env) => {
      upgrade = await runCliIn(env, ['upgrade', '--json']);
    },
  });

  it('exits 3 when the upgrade preparation ends with failed or skipped modules, with only the final report as JSON on stdout', () => {
    expect(upgrade.status, upgrade.stderr).toBe(3);
    const report = JSON.parse(upgrade.stdout) as JsonReport;
    expect(report.run).toMatchObject({ fromVersion: '11.11.3', toVersion: '11.17.0', status: 'finished' });
    expect(report.run.counts).toMatchObject({ prepared: 1, failed: 1, skipped: 1, excluded: 1 });
    expect(report.modules).toHaveLength(3);
  });

  it('shows the preparation progress as plain lines on stderr', () => {
    expect(upgrade.stderr).toContain('[upgrade] 3/3 1 prepared, 1 failed, 1 skipped');
    expect(upgrade.stderr).toMatch(/^Compiling module \d of 3: CommonLib$/m);
  });

  it('deploys nothing: every module keeps running its 11.11.3 compilation', () => {
    expect(deployedVersions(imported.dir)).toEqual({
      CommonLib: '11.11.3',
      Draft: null,
      Invoices: '11.11.3',
      Mailer: '11.11.3',
    });
  });

  it('prints the latest report as JSON on stdout, with the failed module located and the skipped one naming its producer', async () => {
    const report = await readJsonReport(imported.dir);

    expect(report.run.counts).toMatchObject({ prepared: 1, failed: 1, skipped: 1, excluded: 1 });
    const byName = Object.fromEntries(report.modules.map((module) => [module.name, module]));
    expect(byName.Mailer!.status).toBe('failed');
    expect(byName.Mailer!.errors[0]).toMatchObject({ file: 'src/index.ts', line: 1 });
    expect(byName.Invoices!.status).toBe('skipped');
    expect(byName.Invoices!.errors[0]!.message).toContain('Mailer');
    expect(report.excluded).toEqual([{ name: 'Draft', reason: 'uploaded, never published' }]);
  });

  it('writes the report to a file with --output, leaving stdout empty', async () => {
    const file = path.join(imported.workDir, 'report.csv');

    const result = await runCliIn(imported.dir, ['report', '--format', 'csv', '--output', file]);

    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^Mailer,Billing,failed,/m);
    expect(fs.readdirSync(imported.workDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('says which run does not exist for --run', async () => {
    const result = await runCliIn(imported.dir, ['report', '--run', '99']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('99');
    expect(result.stdout).toBe('');
  });

  it('retries the failed and skipped modules with prepare, still exiting 3 while they fail', async () => {
    const result = await runCliIn(imported.dir, ['prepare', '--json']);

    expect(result.status, result.stderr).toBe(3);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.run).toMatchObject({ id: 2, status: 'finished' });
    expect(report.run.counts).toMatchObject({ failed: 1, skipped: 1 });
  });

  it('shows the latest run in the status', async () => {
    const result = await runCliIn(imported.dir, ['status']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Latest run: +#\d+ \(prepare again of #\d+\) 11\.17\.0, finished with errors .*1 failed, 1 skipped/m,
    );
    expect(result.stdout).not.toContain('upgrade pending');
  });
});
