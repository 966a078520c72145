import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killIfRunning, startCli } from '../../../test-support/background-cli';
import { queryEnvironment } from '../../../test-support/environment-db';
import { consumerSource, librarySource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { faults, runCli, runCliIn, type CliResult } from '../../../test-support/run-cli';
import { nodeServiceSpawn } from '../../host/node-service';
import { startServiceConnection } from '../../host/service-connection';
import { decodeModuleRows, type ModuleListWire } from '../../../common/module-list';

/*
 * The fault suite: the machine turns against a command (a full disk, a read-only folder,
 * a kill at the worst moment). Each ends with a message that says what to do, nothing
 * lost, and the next command carries on. Cases that need root's powers (mount, chattr)
 * skip, saying why, where the machine does not allow them.
 */

/** A module's sources with a long comment, which its compiled JavaScript keeps: every compilation needs new pages. */
function bulky(files: Record<string, string>): Record<string, string> {
  const comment = `/*\n${' * Notes kept in the compiled output.\n'.repeat(1500)} */\n`;
  return Object.fromEntries(Object.entries(files).map(([file, text]) => [file, comment + text]));
}

const imported = importedEnvironment({
  prefix: 'config-tool-faults-',
  factory: (dir) =>
    writeTestFactory(dir, {
      modules: [
        { name: 'CommonLib', files: bulky(librarySource('CommonLib')) },
        { name: 'Billing', references: ['CommonLib'], files: bulky(consumerSource('Billing', ['CommonLib'])) },
        {
          name: 'Orders',
          references: ['CommonLib', 'Billing'],
          files: bulky(consumerSource('Orders', ['CommonLib', 'Billing'])),
        },
        { name: 'Portal', references: ['Orders'], files: bulky(consumerSource('Portal', ['Orders'])) },
      ],
    }),
});

/** An admin's message: no stack trace, no "bug", and the lock left free. */
function expectAdminMessage(result: CliResult, says: string | RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/bug|unexpected/i);
  expect(result.stderr).not.toContain('Could not release the environment lock');
}

/** Runs a command as root would on this machine; false (with the reason kept) when it is not permitted here. */
function tryRun(command: string, args: string[]): { ok: true } | { ok: false; why: string } {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      why: `${command} ${args.join(' ')}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
    };
  }
}

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length > 0) undo.pop()!();
});

/** A small disk: a tmpfs of `kilobytes` mounted on a new folder, unmounted after the test; null (and why) where mount is not permitted. */
function smallDisk(name: string, kilobytes: number): { dir: string } | { skip: string } {
  const dir = path.join(imported.workDir, name);
  fs.mkdirSync(dir);
  const mounted = tryRun('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  if (!mounted.ok) return { skip: `a small disk needs mount (root): ${mounted.why}` };
  undo.push(() => tryRun('umount', ['-l', dir]));
  return { dir };
}

function skipWith(context: { skip: (note?: string) => void }, why: string): never {
  console.warn(`skipped: ${why}`);
  context.skip(why);
  throw new Error('unreachable');
}

async function statusJson(env: string): Promise<{
  activeRun: unknown;
  lock: unknown;
  latestRun: { status: string; counts: Record<string, number> } | null;
}> {
  const status = await runCliIn(env, ['status', '--json']);
  expect(status.status, status.stderr).toBe(0);
  return JSON.parse(status.stdout) as Awaited<ReturnType<typeof statusJson>>;
}

describe('a full disk', () => {
  it('import on a disk too small says the disk is full, names the folder and what is free, and leaves nothing behind', async (context) => {
    const disk = smallDisk('tiny-disk', 64);
    if ('skip' in disk) skipWith(context, disk.skip);
    const env = path.join(disk.dir, 'env');
    const result = await runCli(['import', imported.factoryDir, '--env', env]);
    expectAdminMessage(result, `The disk holding the environment folder ${env} ran out of space (`);
    expect(result.stderr).toContain('free some space, then run the command again');
    expect(fs.readdirSync(disk.dir)).toEqual([]);
  });

  it('an upgrade whose backup would not fit is refused before it starts, saying how much it needs', async (context) => {
    const disk = smallDisk('backup-disk', 8 * 1024);
    if ('skip' in disk) skipWith(context, disk.skip);
    const env = path.join(disk.dir, 'env');
    fs.cpSync(imported.dir, env, { recursive: true });
    // Fill what is left but half the database's size: the database fits, its copy does not.
    const filler = path.join(disk.dir, 'filler');
    const stats = fs.statfsSync(disk.dir);
    const half = Math.floor(fs.statSync(path.join(env, 'environment.db')).size / 2);
    fs.writeFileSync(filler, Buffer.alloc(stats.bavail * stats.bsize - half));
    const result = await runCliIn(env, ['upgrade']);
    expectAdminMessage(result, /The upgrade needs about \d+ (KB|MB) free on the disk holding the environment folder/);
    expect(result.stderr).toContain('nothing was changed');
    expect(queryEnvironment(env, 'SELECT id FROM upgrades')).toEqual([]);
    fs.rmSync(filler);
    const retried = await runCliIn(env, ['upgrade']);
    expect(retried.status, retried.stderr).toBe(0);
  });

  it('each step that writes (check, upgrade, preparation, publish) stops with the disk-full message, frees the lock, and resumes once there is room', async () => {
    const env = imported.fresh();
    // The database may not grow at all: the first write that needs a new page fails as on a full disk.
    const full = faults('db-max-pages:0');
    const check = await runCliIn(env, ['check', '--to', '11.13.0'], full);
    expectAdminMessage(check, `The disk holding the environment folder ${env} ran out of space`);

    const upgrade = await runCliIn(env, ['upgrade', '--to', '11.13.0'], full);
    expectAdminMessage(upgrade, 'ran out of space');
    let status = await statusJson(env);
    expect(status.lock).toBeNull();
    expect(status.activeRun).toBeNull();

    // With room again, `upgrade` goes on where it stopped (rolled back before the switch, or resuming the preparation).
    const resumed = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(resumed.status, resumed.stderr).toBe(0);
    status = await statusJson(env);
    expect(status.latestRun?.status).toBe('finished');

    const upload = await runCliIn(env, ['upload', 'CommonLib', path.join(imported.factoryDir, 'modules', 'CommonLib')]);
    expect(upload.status, upload.stderr).toBe(0);
    const publish = await runCliIn(env, ['publish', 'CommonLib'], faults('db-max-pages:0'));
    expectAdminMessage(publish, 'ran out of space');
    const published = await runCliIn(env, ['publish', 'CommonLib']);
    expect(published.status, published.stderr).toBe(0);

    const upgradeAgain = await runCliIn(env, ['upgrade', '--to', '11.17.0'], full);
    expectAdminMessage(upgradeAgain, 'ran out of space');
    const prepare = await runCliIn(env, ['upgrade', '--to', '11.17.0']);
    expect(prepare.status, prepare.stderr).toBe(0);
    expect((await statusJson(env)).lock).toBeNull();
  });

  it('deploy-prepared on a disk that filled up says so; status still reads the environment; with room it deploys', async (context) => {
    const disk = smallDisk('deploy-disk', 16 * 1024);
    if ('skip' in disk) skipWith(context, disk.skip);
    const env = path.join(disk.dir, 'env');
    fs.cpSync(imported.dir, env, { recursive: true });
    const upgraded = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(upgraded.status, upgraded.stderr).toBe(0);
    const filler = path.join(disk.dir, 'filler');
    const stats = fs.statfsSync(disk.dir);
    fs.writeFileSync(filler, Buffer.alloc(stats.bavail * stats.bsize));

    const deploy = await runCliIn(env, ['deploy-prepared']);
    expectAdminMessage(deploy, `The disk holding the environment folder ${env} ran out of space (0 KB free now)`);
    expect(deploy.stderr).toContain('nothing was lost');
    const status = await statusJson(env);
    expect(status.lock).toBeNull();
    expect(status.activeRun).toBeNull();

    fs.rmSync(filler);
    const deployed = await runCliIn(env, ['deploy-prepared']);
    expect(deployed.status, deployed.stderr).toBe(0);
    expect(deployed.stdout + deployed.stderr).toContain('Deployed Portal');
  });

  it('report --output onto a full disk names that folder and leaves no partial file', async (context) => {
    const disk = smallDisk('report-disk', 256);
    if ('skip' in disk) skipWith(context, disk.skip);
    const env = imported.fresh();
    const upgraded = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(upgraded.status, upgraded.stderr).toBe(0);
    const stats = fs.statfsSync(disk.dir);
    fs.writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(stats.bavail * stats.bsize));
    const result = await runCliIn(env, ['report', '--format', 'html', '--output', path.join(disk.dir, 'report.html')]);
    expectAdminMessage(result, `The disk holding the folder ${disk.dir} ran out of space`);
    expect(fs.readdirSync(disk.dir)).toEqual(['filler']);
  });
});

describe('a read-only environment', () => {
  async function expectReadsWorkAndWritesAreRefused(env: string): Promise<void> {
    const status = await runCliIn(env, ['status']);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('Test Environment');
    const report = await runCliIn(env, ['report', '--format', 'csv']);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain('Portal');
    const list = await runCliIn(env, ['config', 'list']);
    expect(list.status, list.stderr).toBe(0);
    for (const args of [
      ['config', 'set', 'parallelCompilations', '1'],
      ['upgrade'],
      ['prepare'],
      ['deploy-prepared'],
    ]) {
      const refused = await runCliIn(env, args);
      expectAdminMessage(refused, `The environment folder ${env} is read-only`);
      expect(refused.stderr).toContain('reading commands (status, report) work');
    }
  }

  /** An upgraded copy whose database file is immutable (chattr +i, undone after the test); skips where chattr can't. */
  async function upgradedWithImmutableDatabase(context: { skip: (note?: string) => void }): Promise<string> {
    const env = imported.fresh();
    const upgraded = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(upgraded.status, upgraded.stderr).toBe(0);
    const file = path.join(env, 'environment.db');
    const locked = tryRun('chattr', ['+i', file]);
    if (!locked.ok)
      skipWith(context, `an immutable file needs chattr (root, a file system with attributes): ${locked.why}`);
    undo.push(() => tryRun('chattr', ['-i', file]));
    return env;
  }

  it('an immutable database file (chattr +i): status, report and config list work; writing commands are refused naming the folder', async (context) => {
    const env = await upgradedWithImmutableDatabase(context);
    await expectReadsWorkAndWritesAreRefused(env);
  });

  it('the windows show it as it is and refuse what writes, naming the folder: never a bug', async (context) => {
    const env = await upgradedWithImmutableDatabase(context);
    const service = startServiceConnection({ spawn: nodeServiceSpawn({ environmentDir: env }) });
    try {
      await service.ready;
      const status = await service.request('environment.status', {});
      if (!status.ok) throw new Error(`status was refused: ${status.error.message}`);
      expect(status.value).toMatchObject({ name: 'Test Environment', platformVersion: '11.13.0' });
      const list = await service.request('modules.list', {});
      if (!list.ok) throw new Error(`the Modules list was refused: ${list.error.message}`);
      expect(decodeModuleRows(list.value as ModuleListWire).map((row) => row.name)).toContain('Portal');
      const report = await service.request('report.export', { format: 'csv' });
      expect(report.ok, JSON.stringify(report)).toBe(true);

      for (const [channel, request] of [
        ['modules.publish', { names: ['CommonLib'] }],
        ['upgrade.start', {}],
        ['configuration.apply', {}],
      ] as const) {
        const refused = await service.request(channel, request);
        if (refused.ok) throw new Error(`${channel} was not refused`);
        expect(refused.error.code).toBe('read-only');
        expect(refused.error.message).toContain(`The environment folder ${env} is read-only`);
        expect(refused.error.message).not.toMatch(/bug|unexpected/i);
      }
      // Opened to read only: it does not even say it has it open.
      expect(fs.existsSync(path.join(env, 'open-by'))).toBe(false);
    } finally {
      await service.stop();
    }
  });

  it('a read-only mount of the environment folder: the same', async (context) => {
    const env = imported.fresh();
    const upgraded = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(upgraded.status, upgraded.stderr).toBe(0);
    const view = path.join(imported.workDir, 'read-only-view');
    fs.mkdirSync(view);
    const bound = tryRun('mount', ['--bind', env, view]);
    if (!bound.ok) skipWith(context, `a read-only mount needs mount --bind (root): ${bound.why}`);
    undo.push(() => tryRun('umount', ['-l', view]));
    const readOnly = tryRun('mount', ['-o', 'remount,bind,ro', view]);
    if (!readOnly.ok) skipWith(context, `a read-only mount needs mount -o remount (root): ${readOnly.why}`);
    await expectReadsWorkAndWritesAreRefused(view);
  });
});

describe('a kill at the worst moment', () => {
  it('kill -9 in the backup step leaves no backup that looks whole; the next command settles the upgrade row, removes the dead presence, and the next upgrade runs', async () => {
    const env = imported.fresh();
    const killed = await runCliIn(env, ['upgrade', '--to', '11.13.0'], faults('upgrade-crash:backup-copy'));
    expect(killed.status).toBeNull(); // SIGKILL
    expect(fs.readdirSync(path.join(env, 'backups')).filter((file) => file.endsWith('.db'))).toEqual([]);
    expect(fs.readdirSync(path.join(env, 'open-by'))).toHaveLength(1);
    expect(queryEnvironment<{ status: string }>(env, 'SELECT status FROM upgrades')).toEqual([{ status: 'running' }]);

    const status = await runCliIn(env, ['status']);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stderr).toContain('an upgrade was interrupted during its backup; nothing had changed');
    expect(queryEnvironment(env, 'SELECT status, failed_step AS step FROM upgrades')).toEqual([
      { status: 'rolled-back', step: 'backup' },
    ]);
    expect(fs.readdirSync(path.join(env, 'backups'))).toEqual([]);
    expect(fs.existsSync(path.join(env, 'open-by'))).toBe(false);
    const report = await runCliIn(env, ['report']);
    expect(report.stderr).toContain('No preparation has run in this environment yet');
    expect(report.stderr).not.toMatch(/bug/i);

    const upgrade = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(upgrade.status, upgrade.stderr).toBe(0);
    expect(queryEnvironment(env, 'SELECT status FROM upgrades ORDER BY id')).toEqual([
      { status: 'rolled-back' },
      { status: 'finished' },
    ]);
    const backups = fs.readdirSync(path.join(env, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^environment-11\.11\.3-.*\.db$/);
  });

  it('after kill -9 mid-preparation, status and the report in every format say the run was interrupted, nothing still compiling', async () => {
    const env = imported.fresh();
    const upgrade = startCli(['upgrade', '--to', '11.13.0', '--env', env], faults('delay:400'));
    try {
      await upgrade.printed(/Compiling module 2 of 4/);
      upgrade.child.kill('SIGKILL');
      await upgrade.exited;
    } finally {
      killIfRunning(upgrade);
    }
    const status = await statusJson(env);
    expect(status.latestRun?.status).toBe('interrupted');
    expect(status.latestRun?.counts.compiling).toBe(0);

    const json = await runCliIn(env, ['report', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { run: { status: string }; modules: { status: string }[] };
    expect(report.run.status).toBe('interrupted');
    expect(report.modules.map((module) => module.status)).not.toContain('compiling');
    expect(report.modules.map((module) => module.status)).toContain('pending');
    for (const format of ['csv', 'html', 'junit']) {
      const other = await runCliIn(env, ['report', '--format', format]);
      expect(other.status, other.stderr).toBe(0);
      // A module's or the run's status as written in that format (the HTML's style sheet names every status).
      const said = format === 'html' ? other.stdout.replace(/<style>[\s\S]*<\/style>/, '') : other.stdout;
      expect(said, format).not.toMatch(/[>",]compiling[<",\n]/);
      expect(said, format).not.toMatch(/[>",]running[<",\n]/);
    }
    expect((await runCliIn(env, ['report', '--format', 'html'])).stdout).toContain('This run is interrupted');

    const resumed = await runCliIn(env, ['prepare']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect((await statusJson(env)).latestRun?.status).toBe('finished');
  });
});
