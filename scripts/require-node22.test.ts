import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const load = createRequire(__filename);
const { nodeTooOld } = load('./require-node22.cjs') as {
  nodeTooOld: (version: string, tool: string) => string | null;
};
const { electronBinary } = load('./require-electron.cjs') as { electronBinary: () => string | null };

/** A Node older than 22.12 installed on this machine (Debian's, 20 here), or null. */
function oldSystemNode(): string | null {
  const candidate = '/usr/bin/node';
  if (!fs.existsSync(candidate)) return null;
  const version = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  return nodeTooOld(version, 'probe') ? candidate : null;
}
const OLD_NODE = oldSystemNode();

describe('a Node older than 22.12 is refused up front, saying what to run', () => {
  it('names the version found and `. scripts/use-node22.sh`; 22.12 and later pass', () => {
    const message = nodeTooOld('20.20.2', 'npm run test');
    expect(message).toMatch(/^npm run test needs Node\.js 22\.12 or newer; this is Node\.js 20\.20\.2 /);
    expect(message).toContain('Run `. scripts/use-node22.sh` in this terminal first');
    expect(nodeTooOld('22.11.0', 'x')).not.toBeNull();
    expect(nodeTooOld('22.12.0', 'x')).toBeNull();
    expect(nodeTooOld('24.1.0', 'x')).toBeNull();
  });

  it('every npm script the README names checks first', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    for (const name of ['test', 'build', 'start', 'dev', 'bench', 'bench:ui', 'soak', 'dist', 'test:package']) {
      expect(scripts[name], name).toMatch(/^node scripts\/require-node22\.cjs && /);
    }
  });

  it.skipIf(OLD_NODE === null)("`npm test` on the machine's old Node stops at once with that one line", () => {
    const result = spawnSync('npm', ['test', '--silent'], {
      cwd: ROOT,
      env: { PATH: `${path.dirname(OLD_NODE!)}:/bin`, HOME: process.env.HOME },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^npm run test needs Node\.js 22\.12 or newer;.*use-node22\.sh/m);
    expect(result.stderr).not.toContain('tsc');
  });

  it.skipIf(OLD_NODE === null)('`config-tool` on the old Node says the same', () => {
    const result = spawnSync(OLD_NODE!, [path.join(ROOT, 'bin', 'config-tool.cjs'), 'status'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^config-tool needs Node\.js 22\.12 or newer;.*`\. scripts\/use-node22\.sh`/);
  });
});

describe('`npm start` without the Electron binary', () => {
  it.skipIf(electronBinary() !== null)(
    'says the desktop shell is missing, how to get it, and that `config-tool serve` works meanwhile',
    () => {
      const result = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("The desktop app's Electron binary is missing");
      expect(result.stderr).toContain('npx install-electron');
      expect(result.stderr).toContain('npx config-tool serve');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );
});
