import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyMailSource, writeTestFactory } from '../test-support/factories';
import {
  copyEnvironment,
  makeTempDir,
  PACKAGE_ROOT,
  removeTempDir,
  runCli,
  SETUP_TIMEOUT_MS,
} from '../test-support/run-cli';

/** A stack trace line, which an admin's mistake must never print. */
const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe("the admin's path on the command line", () => {
  let tmp: string;
  let envDir: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    envDir = path.join(tmp, 'env');
    const factory = writeTestFactory(path.join(tmp, 'factory'), {
      name: 'CLI Path',
      modules: [
        { name: 'CommonLib' },
        { name: 'Orders', references: ['CommonLib'] },
        { name: 'Mailer', files: legacyMailSource() },
        { name: 'Slow' },
      ],
    });
    expect((await runCli(['import', factory, '--env', envDir])).status).toBe(0);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => removeTempDir(tmp));

  it(
    'says the folder of report --output does not exist and exits 1, writing nothing',
    async () => {
      const env = copyEnvironment(envDir, path.join(tmp, 'report-env'));
      expect((await runCli(['upgrade', '--to', '11.13.0', '--env', env])).status).toBe(3);
      const missing = path.join(tmp, 'no-such-folder', 'report.html');

      const result = await runCli(['report', '--format', 'html', '--output', missing, '--env', env]);

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
    const result = await runCli(['serve', '--env', path.join(tmp, 'nothing-here')]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no environment in');
    expect(result.stderr).toContain('config-tool init --demo');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr.match(/There is no environment/g)).toHaveLength(1);
  });

  it('status says "1 parallel compilation" and names a setting that is not applied yet', async () => {
    const env = copyEnvironment(envDir, path.join(tmp, 'settings-env'));
    expect((await runCli(['config', 'set', 'parallelCompilations', '1', '--env', env])).status).toBe(0);

    const pending = await runCli(['status', '--env', env]);
    expect(pending.stdout).toMatch(/^Not applied yet: +parallelCompilations \(run 'config-tool config apply'\)$/m);

    expect((await runCli(['config', 'apply', '--env', env])).status).toBe(0);
    const applied = await runCli(['status', '--env', env]);
    expect(applied.stdout).toMatch(/^Settings: +1 parallel compilation, /m);
    expect(applied.stdout).not.toContain('Not applied yet');
  });

  it(
    'Ctrl+C stops an upgrade with exit 130, and status gives the command that resumes it',
    async () => {
      const env = copyEnvironment(envDir, path.join(tmp, 'interrupted-env'));
      for (const [key, value] of [
        ['parallelCompilations', '1'],
        ['moduleTimeLimitSeconds', '5'],
      ]) {
        expect((await runCli(['config', 'set', key, value, '--env', env])).status).toBe(0);
      }
      expect((await runCli(['config', 'apply', '--env', env])).status).toBe(0);
      const child = spawn(
        process.execPath,
        [path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs'), 'upgrade', '--to', '11.13.0', '--env', env],
        // Slow's compilation hangs until its time limit: the run is still going when Ctrl+C comes.
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONFIG_TOOL_TEST_FAULTS: 'hang:Slow' } },
      );
      try {
        let stderr = '';
        child.stderr.setEncoding('utf8');
        child.stdout.resume();
        while (!/Preparing \d+ modules/.test(stderr)) {
          const [chunk] = (await once(child.stderr, 'data')) as [string];
          stderr += chunk;
        }
        child.kill('SIGINT');
        const [code] = (await once(child, 'exit')) as [number | null];
        expect(code).toBe(130);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }

      const status = await runCli(['status', '--env', env]);
      expect(status.stdout).toMatch(/^Next: +config-tool prepare \(resumes run #1 where it stopped\)$/m);
    },
    SETUP_TIMEOUT_MS,
  );
});
