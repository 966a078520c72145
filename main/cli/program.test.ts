import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestFactory } from './test-support/factories';
import { makeTempDir, removeTempDir, runCli, SETUP_TIMEOUT_MS } from './test-support/run-cli';

const SPEC_COMMANDS = [
  'init',
  'import',
  'status',
  'upgrade',
  'prepare',
  'deploy-prepared',
  'publish',
  'delete',
  'config',
  'report',
  'serve',
];

describe('the config-tool command line', () => {
  let tmp: string;
  let envDir: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    envDir = path.join(tmp, 'env');
    // Only uploaded modules: nothing to compile, so the environment is quick to make.
    const factory = writeTestFactory(path.join(tmp, 'factory'), {
      modules: [{ name: 'CommonLib', state: 'uploaded' }],
    });
    const imported = await runCli(['import', factory, '--env', envDir]);
    expect(imported.status, imported.stderr).toBe(0);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => removeTempDir(tmp));

  describe('exit status 2 for bad usage', () => {
    it('rejects an unknown command', async () => {
      const result = await runCli(['frobnicate', '--env', envDir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`unknown command 'frobnicate'`);
    });

    it('rejects a missing argument', async () => {
      const result = await runCli(['import', '--env', envDir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`missing required argument 'factory'`);
    });

    it('rejects an unknown option and an extra argument', async () => {
      expect((await runCli(['status', '--verbose', '--env', envDir])).status).toBe(2);
      expect((await runCli(['status', 'now', '--env', envDir])).status).toBe(2);
    });

    it('rejects bad option values: report format, run number, port, platform version', async () => {
      for (const args of [
        ['report', '--format', 'xml'],
        ['report', '--run', 'last'],
        ['serve', '--port', 'eighty'],
        ['upgrade', '--to', '12.0.0'],
        ['init'],
      ]) {
        const result = await runCli([...args, '--env', envDir]);
        expect(result.status, args.join(' ')).toBe(2);
        expect(result.stderr, args.join(' ')).toMatch(/^error: /m);
      }
    });

    it('rejects a setting value out of its range, saying what it must be', async () => {
      const result = await runCli(['config', 'set', 'parallelCompilations', 'lots', '--env', envDir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `Setting 'parallelCompilations' must be a whole number from 1 to 64 (got 'lots').`,
      );
    });

    it('shows the help on stderr and exits 2 when no command is given', async () => {
      const result = await runCli([]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: config-tool');
    });
  });

  it('lists every command of the contract in its help, and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    for (const command of SPEC_COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('offers --help on every command, with --env among its options', async () => {
    for (const command of [...SPEC_COMMANDS, 'config set', 'config apply', 'config list']) {
      const result = await runCli([...command.split(' '), '--help']);
      expect(result.status, command).toBe(0);
      expect(result.stdout, command).toContain(`Usage: config-tool ${command}`);
      expect(result.stdout, command).toContain('--env <dir>');
    }
  });

  it('accepts --env before or after the command', async () => {
    expect((await runCli(['--env', envDir, 'config', 'list'])).status).toBe(0);
    expect((await runCli(['config', 'list', '--env', envDir])).status).toBe(0);
  });

  describe('the default environment folder', () => {
    it('is $CONFIG_TOOL_ENV when it is set', async () => {
      const result = await runCli(['config', 'list'], { env: { CONFIG_TOOL_ENV: envDir } });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('parallelCompilations');
    });

    it("is the desktop app's per-user folder otherwise: $XDG_CONFIG_HOME/Platform Configuration Tool/environment on Linux", async () => {
      const configHome = path.join(tmp, 'xdg');
      const result = await runCli(['status'], { env: { XDG_CONFIG_HOME: configHome } });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `No environment in ${path.join(configHome, 'Platform Configuration Tool', 'environment')}.`,
      );
    });

    it('falls back to ~/.config when XDG_CONFIG_HOME is not set', async () => {
      const home = path.join(tmp, 'home');
      const result = await runCli(['status'], { env: { XDG_CONFIG_HOME: undefined, HOME: home } });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `No environment in ${path.join(home, '.config', 'Platform Configuration Tool', 'environment')}.`,
      );
    });
  });

  it('changes, lists and applies a configuration setting', async () => {
    const set = await runCli(['config', 'set', 'moduleTimeLimitSeconds', '300', '--env', envDir]);
    expect(set.status, set.stderr).toBe(0);
    expect((await runCli(['config', 'list', '--env', envDir])).stdout).toMatch(
      /^moduleTimeLimitSeconds +300 +\(not applied yet\)/m,
    );

    const applied = await runCli(['config', 'apply', '--env', envDir]);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Applied: moduleTimeLimitSeconds.');
    expect((await runCli(['config', 'list', '--env', envDir])).stdout).toMatch(/^moduleTimeLimitSeconds +300 +— /m);
  });

  it('says there is no report yet when no preparation has run', async () => {
    const result = await runCli(['report', '--env', envDir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: /);
  });
});
