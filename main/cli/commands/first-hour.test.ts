import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { legacyMailSource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport } from '../../../test-support/json-report';
import { PACKAGE_ROOT, runCliIn, type CliResult } from '../../../test-support/run-cli';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs');
/** util-linux `script` runs a command on a real pseudo-terminal, as an admin's shell would. */
const SCRIPT = fs.existsSync('/usr/bin/script') ? '/usr/bin/script' : null;

/** Runs `config-tool ARGS` on a terminal (stdout is a TTY); its output, with the terminal's \r\n as \n. */
function runOnTerminal(args: string[]): { status: number | null; output: string } {
  const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync(SCRIPT!, ['-qec', quoted, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, CONFIG_TOOL_ENV: undefined, TERM: 'dumb' },
  });
  return { status: result.status, output: result.stdout.replace(/\r\n/g, '\n') };
}

/** What an admin meets in the first hour: one failed and one skipped module (Mailer uses an API 11.17.0 removed). */
describe('a newcomer at the command line', () => {
  let upgrade: CliResult;
  let retry: CliResult;
  let checkEnv: string;
  let check: CliResult;
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
            files: { 'index.ts': `import { notify } from '@modules/Mailer';\n\nexport const send = notify;\n` },
          },
          { name: 'Draft', application: 'Billing', state: 'uploaded' },
        ],
      }),
    afterImport: async (env) => {
      checkEnv = imported.fresh();
      check = await runCliIn(checkEnv, ['check']);
      upgrade = await runCliIn(env, ['upgrade']);
      retry = await runCliIn(env, ['prepare']);
    },
  });

  it('check --to an unknown version: one sentence that lists the shipped versions, exit 2', async () => {
    const result = await runCliIn(imported.dir, ['check', '--to', '12.0.0']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^error: --to 12\.0\.0 is not a shipped platform version; the shipped ones are 11\.\d+\.\d+, .* and 11\.17\.0\.$/,
    );
  });

  it('a check shows its progress and outcome as ready / would fail / would be skipped', () => {
    expect(check.status, check.stderr).toBe(3);
    expect(check.stderr).toContain('1 ready, 1 would fail, 1 would be skipped');
    expect(check.stderr).not.toMatch(/prepared=|\d+ prepared/);
    expect(check.stdout).toContain('1 ready, 1 would fail, 1 would be skipped, 1 excluded');
  });

  it('prepare again counts only what it compiles, and says first that nothing changed since the run it retries', () => {
    expect(upgrade.status, upgrade.stderr).toBe(3);
    expect(retry.status, retry.stderr).toBe(3);
    expect(retry.stderr).toMatch(/Nothing changed since run #1 .*upload a new version/);
    expect(retry.stderr).toContain('2 to compile, the others are prepared already');
    expect(retry.stderr).toMatch(/^Compiling module 1 of 2: Mailer$/m);
    expect(retry.stderr).not.toMatch(/Compiling module \d of 3/);
    expect(retry.stdout).toContain('finished with errors');
  });

  describe.skipIf(SCRIPT === null)('report on a terminal', () => {
    it('without --format: a summary with the counts, the failed and skipped modules with their first error, and where the full report is', () => {
      const { status, output } = runOnTerminal(['report', '--env', imported.dir]);
      expect(status).toBe(0);
      expect(output).toMatch(
        /^Modules preparation report, run #2 \(Prepare again of #1\) for 11\.17\.0: Finished with errors$/m,
      );
      expect(output).toMatch(
        /^Started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by .*, finished .* UTC \((under 1 s|\d+ s)\)$/m,
      );
      expect(output).toContain('1 prepared, 1 failed, 1 skipped, 1 excluded.');
      expect(output).toMatch(/^Failed \(1\):\n {2}Mailer: src\/index\.ts:\d+:\d+ /m);
      expect(output).toMatch(/^Skipped \(1\):\n {2}Invoices: /m);
      expect(output).toContain('The full report: config-tool report --format html --output report.html');
      expect(output).not.toContain('{');
    });

    it("a readiness check's summary is titled so and speaks its words", () => {
      const { output } = runOnTerminal(['report', '--run', '1', '--env', checkEnv]);
      expect(output).toMatch(
        /^Upgrade readiness check report, run #1 for 11\.11\.3 → 11\.17\.0: Finished with errors$/m,
      );
      expect(output).toContain('1 ready, 1 would fail, 1 would be skipped, 1 excluded.');
      expect(output).toMatch(/^Would fail \(1\):\n {2}Mailer: /m);
    });

    it('with --format json on a terminal, and without --format into a pipe: the JSON report', async () => {
      const { output } = runOnTerminal(['report', '--format', 'json', '--env', imported.dir]);
      expect(JSON.parse(output).run.status).toBe('finished');
      expect((await readJsonReport(imported.dir)).run.id).toBe(2);
      const piped = await runCliIn(imported.dir, ['report']);
      expect(JSON.parse(piped.stdout).run.counts).toMatchObject({ prepared: 1, failed: 1, skipped: 1 });
    });
  });

  describe("every report format speaks the Words table's words", () => {
    const formats = async (env: string, run: number) => {
      const read = async (format: string) => {
        const result = await runCliIn(env, ['report', '--format', format, '--run', String(run)]);
        expect(result.status, result.stderr).toBe(0);
        return result.stdout;
      };
      return { json: await read('json'), csv: await read('csv'), html: await read('html'), junit: await read('junit') };
    };
    const junitProperties = (xml: string): Record<string, string> => {
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
      const properties = parsed.testsuites.testsuite.properties.property as { name: string; value: string }[];
      return Object.fromEntries(properties.map((p) => [p.name, p.value]));
    };

    it('a run finished with errors: JSON and CSV keep the spec\'s machine values, HTML and JUnit say "Finished with errors"', async () => {
      const { json, csv, html, junit } = await formats(imported.dir, 2);
      expect(JSON.parse(json).run.status).toBe('finished');
      expect(csv.split('\n')[0]).toBe(
        'name,application,status,duration_ms,errors,reused_from_check,reused_from_shared_cache',
      );
      expect(csv).toMatch(/^Mailer,Billing,failed,/m);
      expect(csv).toMatch(/^Draft,Billing,excluded,/m);
      expect(html).toContain('<title>Modules preparation report — run 2</title>');
      expect(html).toContain('<dt>Status</dt><dd><span class="status">Finished with errors</span></dd>');
      expect(html).toMatch(/<dt>Started<\/dt><dd><time datetime="[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/time>/);
      expect(html).toMatch(/<td class="status status-failed">Failed<\/td>/);
      expect(html).toContain('<h2>Excluded modules</h2>');
      expect(html).not.toMatch(/>finished</);
      expect(junitProperties(junit)).toMatchObject({ runStatus: 'finished', outcome: 'Finished with errors' });
      expect(junit).toContain('<testsuites name="Modules preparation"');
    });

    it('a readiness check: titled as one, its modules ready / would fail / would be skipped', async () => {
      const { json, csv, html, junit } = await formats(checkEnv, 1);
      expect(JSON.parse(json).run).toMatchObject({ kind: 'check', status: 'finished' });
      expect(csv).toMatch(/^Mailer,Billing,failed,/m);
      expect(html).toContain('<title>Upgrade readiness check report — run 1</title>');
      expect(html).not.toContain('Modules preparation report');
      expect(html).toContain('<dt>Ready</dt><dd>1</dd>');
      expect(html).toContain('<dt>Would fail</dt><dd>1</dd>');
      expect(html).toContain('<dt>Would be skipped</dt><dd>1</dd>');
      expect(html).toMatch(/<td class="status status-failed">Would fail<\/td>/);
      expect(html).toMatch(/<td class="status status-skipped">Would be skipped<\/td>/);
      expect(html).toMatch(/<td class="status status-prepared">Ready<\/td>/);
      expect(junitProperties(junit)).toMatchObject({ kind: 'check', outcome: 'Finished with errors' });
      expect(junit).toContain('<testsuite name="Upgrade readiness check run 1');
    });
  });
});
