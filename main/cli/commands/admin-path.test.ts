import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { killIfRunning, startCli } from '../../../test-support/background-cli';
import { legacyMailSource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { faults, runCli, runCliIn, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

/** A stack trace line, which an admin's mistake must never print. */
const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe("the admin's path on the command line", () => {
  const imported = importedEnvironment({
    factory: (dir) =>
      writeTestFactory(dir, {
        name: 'CLI Path',
        modules: [
          { name: 'CommonLib' },
          { name: 'Orders', references: ['CommonLib'] },
          { name: 'Mailer', files: legacyMailSource() },
        ],
      }),
  });

  it(
    'says the folder of report --output does not exist and exits 1, writing nothing',
    async () => {
      const env = imported.fresh();
      expect((await runCliIn(env, ['upgrade', '--to', '11.13.0'])).status).toBe(3);
      const missing = path.join(imported.workDir, 'no-such-folder', 'report.html');

      const result = await runCliIn(env, ['report', '--format', 'html', '--output', missing]);

      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `Can't write the report to ${missing}: the folder ${path.dirname(missing)} does not exist.`,
      );
      expect(result.stderr).not.toMatch(/bug/i);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(fs.existsSync(path.dirname(missing))).toBe(false);
    },
    SETUP_TIMEOUT_MS,
  );

  it('serve --env on a folder without an environment says how to create one, without a stack trace', async () => {
    const result = await runCli(['serve', '--env', path.join(imported.workDir, 'nothing-here')]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no environment in');
    expect(result.stderr).toContain('config-tool init --demo');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr.match(/There is no environment/g)).toHaveLength(1);
  });

  it('status says "1 parallel compilation" and names a setting that is not applied yet', async () => {
    const env = imported.fresh();
    expect((await runCliIn(env, ['config', 'set', 'parallelCompilations', '1'])).status).toBe(0);

    const pending = await runCliIn(env, ['status']);
    expect(pending.stdout).toMatch(/^Not applied yet: +parallelCompilations \(run 'config-tool config apply'\)$/m);

    expect((await runCliIn(env, ['config', 'apply'])).status).toBe(0);
    const applied = await runCliIn(env, ['status']);
    expect(applied.stdout).toMatch(/^Settings: +1 parallel compilation, /m);
    expect(applied.stdout).not.toContain('Not applied yet');
  });

  it(
    'Ctrl+C stops an upgrade with exit 130, and status gives the command that resumes it',
    async () => {
      const env = imported.fresh();
      for (const [key, value] of [
        ['parallelCompilations', '1'],
        ['moduleTimeLimitSeconds', '5'],
      ]) {
        expect((await runCliIn(env, ['config', 'set', key, value])).status).toBe(0);
      }
      expect((await runCliIn(env, ['config', 'apply'])).status).toBe(0);
      // CommonLib's compilation hangs until its time limit, and Orders waits for it: however late Ctrl+C comes
      // (a loaded machine), a module is still left to start, so the run stops rather than finishes.
      const upgrade = startCli(['upgrade', '--to', '11.13.0', '--env', env], faults('hang:CommonLib'));
      try {
        await upgrade.printed(/Preparing \d+ modules/);
        upgrade.child.kill('SIGINT');
        expect(await upgrade.exited).toBe(130);
      } finally {
        killIfRunning(upgrade);
      }

      const status = await runCliIn(env, ['status']);
      expect(status.stdout).toMatch(/^Next: +config-tool prepare \(resumes run #1 where it stopped\)$/m);
    },
    SETUP_TIMEOUT_MS,
  );
});
