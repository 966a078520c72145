import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = path.join(__dirname, 'use-node22.sh');
let tmp: string;

/** Runs `. scripts/use-node22.sh && <then>` in a plain sh with only `path` on PATH. */
function source(pathDirs: string[], then: string, cache: string): { stdout: string } {
  const out = execFileSync('sh', ['-c', `. "${SCRIPT}" && ${then}`], {
    env: { PATH: pathDirs.join(':'), HOME: tmp, CONFIG_TOOL_NODE_CACHE: cache },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { stdout: out.trim() };
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
});
