import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTestFactory } from '../../test-support/factories';
import { importedEnvironment } from '../../test-support/imported-environment';
import { runCli } from '../../test-support/run-cli';

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
  'cache',
];

describe('the config-tool command line', () => {
  // Only uploaded modules: nothing to compile, so the environment is quick to make.
  const imported = importedEnvironment({
    factory: (dir) => writeTestFactory(dir, { modules: [{ name: 'CommonLib', state: 'uploaded' }] }),
  });

  describe('exit status 2 for bad usage', () => {
    it('rejects an unknown command', async () => {
      const result = await runCli(['frobnicate', '--env', imported.dir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`unknown command 'frobnicate'`);
    });

    it('rejects a missing argument', async () => {
      const result = await runCli(['import', '--env', imported.dir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`missing required argument 'factory'`);
    });

    it('rejects an unknown option and an extra argument', async () => {
      expect((await runCli(['status', '--verbose', '--env', imported.dir])).status).toBe(2);
      expect((await runCli(['status', 'now', '--env', imported.dir])).status).toBe(2);
    });

    it('rejects bad option values: report format, run number, port, platform version', async () => {
      for (const args of [
        ['report', '--format', 'xml'],
        ['report', '--run', 'last'],
        ['serve', '--port', 'eighty'],
        ['upgrade', '--to', '12.0.0'],
        ['init'],
      ]) {
        const result = await runCli([...args, '--env', imported.dir]);
        expect(result.status, args.join(' ')).toBe(2);
        expect(result.stderr, args.join(' ')).toMatch(/^error: /m);
      }
    });

    it('rejects a setting value out of its range, saying what it must be', async () => {
      const result = await runCli(['config', 'set', 'parallelCompilations', 'lots', '--env', imported.dir]);
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
    expect((await runCli(['--env', imported.dir, 'config', 'list'])).status).toBe(0);
    expect((await runCli(['config', 'list', '--env', imported.dir])).status).toBe(0);
  });

  describe('the default environment folder', () => {
    it('is $CONFIG_TOOL_ENV when it is set', async () => {
      const result = await runCli(['config', 'list'], { env: { CONFIG_TOOL_ENV: imported.dir } });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('parallelCompilations');
    });

    it("is the desktop app's per-user folder otherwise: $XDG_CONFIG_HOME/Platform Configuration Tool/environment on Linux", async () => {
      const configHome = path.join(imported.workDir, 'xdg');
      const result = await runCli(['status'], { env: { XDG_CONFIG_HOME: configHome } });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `No environment in ${path.join(configHome, 'Platform Configuration Tool', 'environment')}.`,
      );
    });

    it('falls back to ~/.config when XDG_CONFIG_HOME is not set', async () => {
      const home = path.join(imported.workDir, 'home');
      const result = await runCli(['status'], { env: { XDG_CONFIG_HOME: undefined, HOME: home } });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `No environment in ${path.join(home, '.config', 'Platform Configuration Tool', 'environment')}.`,
      );
    });
  });

  it('changes, lists and applies a configuration setting', async () => {
    const set = await runCli(['config', 'set', 'moduleTimeLimitSeconds', '300', '--env', imported.dir]);
    expect(set.status, set.stderr).toBe(0);
    expect((await runCli(['config', 'list', '--env', imported.dir])).stdout).toMatch(
      /^moduleTimeLimitSeconds +300 +\(not applied yet\)/m,
    );

    const applied = await runCli(['config', 'apply', '--env', imported.dir]);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Applied: moduleTimeLimitSeconds.');
    expect((await runCli(['config', 'list', '--env', imported.dir])).stdout).toMatch(
      /^moduleTimeLimitSeconds +300 +— /m,
    );
  });

  it('says there is no report yet when no preparation has run', async () => {
    const result = await runCli(['report', '--env', imported.dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: /);
  });
});
