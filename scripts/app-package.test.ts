/**
 * `npm run test:package`: packages the desktop app for Linux (`electron-builder --linux dir`)
 * with a stub Electron (no Electron binary can be downloaded here: electronDist points at a
 * folder holding a fake `electron` that carries a fuse wire), then checks what a release
 * would ship: the app.asar listing, the fuses, and the service entry point run under Node
 * from the extracted packaged layout, creating the demo environment in a fresh folder.
 * Needs `npm run build` first (the script does it).
 */
import { execFile, fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../common/contract';
import type { ServiceToHost } from '../main/host/service-protocol';

const root = path.resolve(__dirname, '..');
const config = createRequire(__filename)(path.join(root, 'electron-builder.cjs')) as Configuration;
const EXECUTABLE = 'platform-config-tool';
/** Electron's fuse sentinel; the wire after it: version 1, 8 fuses, Electron 45's defaults. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';
/** A fuse's byte on the wire: '0' off, '1' on. */
const OFF = '0'.charCodeAt(0);
const ON = '1'.charCodeAt(0);

let work: string;
let appDir: string;
let asarFiles: Set<string>;

/** Every file under `dir`, relative with '/' separators. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

beforeAll(async () => {
  expect(fs.existsSync(path.join(root, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  const stub = path.join(work, 'electron-stub');
  fs.mkdirSync(stub);
  fs.writeFileSync(
    path.join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stub Electron: the packaging test never runs it" >&2\nexit 1\n# '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
      Buffer.from('\n'),
    ]),
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(stub, 'LICENSE'), 'stub');
  const output = path.join(work, 'dist');
  await promisify(execFile)(
    process.execPath,
    [
      path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: '1' }, maxBuffer: 16 * 1024 * 1024 },
  );
  appDir = path.join(output, 'linux-unpacked');
  asarFiles = new Set(
    listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((file) =>
      file
        .replace(/^[/\\]/, '')
        .split(path.sep)
        .join('/'),
    ),
  );
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (Linux, x64)', () => {
  it('holds every file of resources/platforms, resources/demo-factory and resources/icons, runtime.d.ts included', () => {
    const expected = ['platforms', 'demo-factory', 'icons'].flatMap((folder) =>
      filesUnder(path.join(root, 'resources', folder)).map((file) => `resources/${folder}/${file}`),
    );
    expect(expected.filter((file) => file.endsWith('runtime.d.ts')).length).toBeGreaterThanOrEqual(4);
    expect(expected.filter((file) => !asarFiles.has(file))).toEqual([]);
    // Unpacked: plain files an admin can read.
    for (const file of expected)
      expect(fs.existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', file)), file).toBe(true);
  });

  it('holds the whole electron-vite build and package.json, and not the Node build (out/node)', () => {
    const expected = ['main', 'preload', 'renderer'].flatMap((folder) =>
      filesUnder(path.join(root, 'out', folder)).map((file) => `out/${folder}/${file}`),
    );
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.filter((file) => !asarFiles.has(file))).toEqual([]);
    expect(asarFiles.has('package.json')).toBe(true);
    expect([...asarFiles].filter((file) => file.startsWith('out/node/'))).toEqual([]);
  });

  it('holds the native compiler and its lib.*.d.ts (read at run time), unpacked so the executable can start', () => {
    const compiler = 'node_modules/@typescript/typescript-linux-x64/lib';
    expect(asarFiles.has(`${compiler}/lib.es2022.d.ts`)).toBe(true);
    expect(fs.existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', compiler, 'lib.es2022.d.ts'))).toBe(true);
    expect([...asarFiles].some((file) => file.startsWith('node_modules/typescript-native/'))).toBe(true);
    // TypeScript 6 is a development tool only (eslint, the typecheck).
    expect([...asarFiles].some((file) => file.startsWith('node_modules/typescript/'))).toBe(false);
  });

  it("ships better-sqlite3's lib and the target's prebuild only: no C sources, no other platforms", () => {
    const sqlite = [...asarFiles].filter((file) => file.startsWith('node_modules/better-sqlite3/'));
    expect(sqlite.filter((file) => file.includes('/prebuilds/'))).toEqual([
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
    ]);
    expect(sqlite.filter((file) => /\/(deps|src)\/|binding\.gyp$|\.(c|cc|cpp|h|hpp|gypi)$/.test(file))).toEqual([]);
    expect(sqlite).toContain('node_modules/better-sqlite3/lib/index.js');
    // Electron loads native addons from app.asar.unpacked.
    expect(
      fs.existsSync(
        path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules/better-sqlite3/prebuilds/linux-x64.node'),
      ),
    ).toBe(true);
    expect([...asarFiles].filter((file) => /\.(c|cc|cpp|h|hpp)$/.test(file) && file.includes('node_modules/'))).toEqual(
      [],
    );
  });

  it('has its fuses flipped: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption; app from an integrity-checked asar only', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, EXECUTABLE));
    const state = (option: FuseV1Options) => (wire as unknown as Record<number, number>)[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(OFF);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(OFF);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(OFF);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(ON);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(ON);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(ON);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(OFF);
  });

  it('carries the metadata the installers need (homepage, author, desktop name; .deb dependencies; names without spaces)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toBeTruthy();
    expect(pkg.desktopName).toBe(`${EXECUTABLE}.desktop`);
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libgbm1', 'libasound2', 'libnotify4', 'xdg-utils']));
    expect(config.artifactName).not.toMatch(/\s|\$\{productName\}/);
    // Each OS keeps its own prebuild for the target arch (Linux is built above; Windows and macOS by the same rule).
    for (const [section, prebuild] of [
      [config.linux, 'linux'],
      [config.win, 'win32'],
      [config.mac, 'darwin'],
    ] as const)
      expect(section?.files).toContain(`!node_modules/better-sqlite3/prebuilds/!(${prebuild}-\${arch}).node`);
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon] as string[])
      expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
  });

  it('runs its service entry point under Node from the extracted layout and creates the demo environment', async () => {
    const extracted = path.join(work, 'extracted');
    extractAll(path.join(appDir, 'resources', 'app.asar'), extracted);
    const environmentDir = path.join(work, 'fresh', 'environment');
    const service = fork(path.join(extracted, 'out', 'main', 'service-process.cjs'), [], {
      cwd: work,
      env: { ...process.env, CONFIG_TOOL_ENV_DIR: environmentDir, CONFIG_TOOL_CREATE_DEMO: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    service.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const status = await new Promise<InvokeResult<unknown>>((resolve, reject) => {
        service.on('exit', (code) => reject(new Error(`the service exited (${code}): ${stderr}`)));
        service.on('message', (message: ServiceToHost) => {
          if (message.type === 'fatal') reject(new Error(message.message));
          if (message.type === 'ready')
            service.send({ type: 'request', id: 1, channel: 'environment.status', payload: {} });
          if (message.type === 'response' && message.id === 1) resolve(message.result);
        });
      });
      expect(status).toMatchObject({ ok: true, value: { platformVersion: '11.11.3' } });
      expect(fs.existsSync(path.join(environmentDir, 'environment.db'))).toBe(true);
    } finally {
      service.removeAllListeners('exit');
      const exited = new Promise((resolve) => service.once('exit', resolve));
      if (service.connected) service.send({ type: 'shutdown' });
      else service.kill();
      await exited;
    }
  });
});
