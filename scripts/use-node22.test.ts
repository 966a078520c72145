import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = path.join(__dirname, 'use-node22.sh');
let tmp: string;

/** Runs `. scripts/use-node22.sh && <then>` in a plain sh with only `path` on PATH. */
function source(pathDirs: string[], then: string, cache: string): { stdout: string; stderr: string } {
  const result = spawnSync('sh', ['-c', `. "${SCRIPT}" && ${then}`], {
    env: { PATH: pathDirs.join(':'), HOME: tmp, CONFIG_TOOL_NODE_CACHE: cache },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`use-node22.sh failed (${result.status}): ${result.stderr}`);
  return { stdout: result.stdout.trim(), stderr: result.stderr };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'use-node22-'));
  // A machine whose Node is 20: `node -e` says "too old", like the real one would.
  const oldBin = path.join(tmp, 'old-bin');
  fs.mkdirSync(oldBin);
  fs.writeFileSync(
    path.join(oldBin, 'node'),
    '#!/bin/sh\ncase "$1" in --version) echo v20.20.2;; -e) exit 1;; -p) echo 20.20.2;; esac\n',
    { mode: 0o755 },
  );
  // The cache as an earlier run left it: node@22's bin/node (here, the Node running the tests).
  const cacheBin = path.join(tmp, 'cache', 'node_modules', '.bin');
  fs.mkdirSync(cacheBin, { recursive: true });
  fs.symlinkSync(process.execPath, path.join(cacheBin, 'node'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('scripts/use-node22.sh (the first README command starts with it)', () => {
  it('puts Node 22 from the cache first on PATH when the machine has an older one', () => {
    const result = source(
      [path.join(tmp, 'old-bin'), '/usr/bin', '/bin'],
      'node -p process.versions.node',
      path.join(tmp, 'cache'),
    );
    expect(result.stdout).toBe(process.versions.node);
  });

  it('leaves PATH alone when the Node on it is new enough', () => {
    const current = path.dirname(process.execPath);
    const result = source([current, '/usr/bin', '/bin'], 'echo "$PATH"', path.join(tmp, 'no-cache-needed'));
    expect(result.stdout).toBe([current, '/usr/bin', '/bin'].join(':'));
    expect(fs.existsSync(path.join(tmp, 'no-cache-needed'))).toBe(false);
  });

  it("says what it installs, where, how big and how long, and allows only node@22's install script", () => {
    // A stand-in npm: records its arguments and the cache folder's package.json, then "installs"
    // node@22 as the real one would leave it (node_modules/.bin/node).
    const fakeNpmBin = path.join(tmp, 'fake-npm-bin');
    fs.mkdirSync(fakeNpmBin);
    fs.writeFileSync(
      path.join(fakeNpmBin, 'npm'),
      [
        '#!/bin/sh',
        'prefix="$3"',
        'echo "$@" > "$prefix/npm-args"',
        'mkdir -p "$prefix/node_modules/.bin"',
        `ln -s "${process.execPath}" "$prefix/node_modules/.bin/node"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const cache = path.join(tmp, 'fresh-cache');
    const result = source(
      [path.join(tmp, 'old-bin'), fakeNpmBin, '/usr/bin', '/bin'],
      'node -p process.versions.node',
      cache,
    );
    expect(result.stdout).toBe(process.versions.node);
    expect(result.stderr).toContain(`installing node@22 from the npm registry into ${cache}`);
    expect(result.stderr).toMatch(/about \d+ MB to download, \d+ MB on disk; 1 to 5 minutes/);
    expect(result.stderr).toContain(`using Node v${process.versions.node} from ${cache}`);
    expect(fs.readFileSync(path.join(cache, 'npm-args'), 'utf8')).toMatch(/^install --prefix \S+ .*node@22$/m);
    expect(JSON.parse(fs.readFileSync(path.join(cache, 'package.json'), 'utf8')).allowScripts).toEqual({ node: true });
  });
});
