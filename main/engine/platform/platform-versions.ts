import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

/** Compiler settings of one platform version (`compiler.json`). */
export interface PlatformCompilerSettings {
  target: 'ES2019' | 'ES2022';
  strict: true;
  /** TypeScript lib names, e.g. `["es2022"]`. */
  lib: string[];
  /** Emitted module kind; every shipped version emits ES modules. */
  module: string;
}

/** A platform's own module, published during an upgrade. */
export interface SystemComponent {
  name: string;
  application: string;
  kind: string;
  references: string[];
  /** Keys relative to the component root, e.g. `src/index.ts`. */
  sources: Record<string, string>;
}

/** Everything shipped for one platform version. */
export interface PlatformVersionInfo {
  version: string;
  runtimeDts: string;
  compilerSettings: PlatformCompilerSettings;
  /** The raw text of `compiler.json` (part of the compiler identity). */
  compilerJson: string;
  releaseNotes: string;
}

/** Walks up from `start` to the folder holding package.json (the package root). */
export function findPackageRoot(start: string = moduleDir()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json found above ${start}`);
    dir = parent;
  }
}

function moduleDir(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

let packagePlatformsDir: string | undefined;

/** The folder holding one sub-folder per shipped platform version (found once: every input hash asks). */
export function defaultPlatformsDir(): string {
  packagePlatformsDir ??= path.join(findPackageRoot(), 'resources', 'platforms');
  return packagePlatformsDir;
}

const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

/** Compares dotted versions numerically: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first version whose modules preparation is progressive (spec §4a): it locks only the group being compiled. */
export const PROGRESSIVE_PREPARATION_FROM = '11.17.0';

/** True when a preparation for `targetVersion` is progressive; below 11.17.0 it locks the whole environment. */
export function isProgressivePreparation(targetVersion: string): boolean {
  return compareVersions(targetVersion, PROGRESSIVE_PREPARATION_FROM) >= 0;
}

/**
 * The platform's known issue (spec §3): an upgrade from 11.10.0 or earlier straight to 11.12.0 or later is
 * allowed, but all applications should be published afterwards. The warning to show, or null.
 */
export function upgradeWarning(fromVersion: string, toVersion: string): string | null {
  if (compareVersions(fromVersion, '11.10.0') > 0 || compareVersions(toVersion, '11.12.0') < 0) return null;
  return (
    `Upgrading from ${fromVersion} straight to ${toVersion} skips 11.11: the platform's known issue recommends ` +
    `publishing all applications after the upgrade (config-tool publish --all).`
  );
}

/** The shipped platform versions, oldest first. */
export function listPlatformVersions(platformsDir: string = defaultPlatformsDir()): string[] {
  return fs
    .readdirSync(platformsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && VERSION_PATTERN.test(e.name))
    .map((e) => e.name)
    .sort(compareVersions);
}

/** The newest shipped version: the "installed Platform Server". */
export function installedPlatformVersion(platformsDir: string = defaultPlatformsDir()): string {
  const versions = listPlatformVersions(platformsDir);
  const newest = versions[versions.length - 1];
  if (!newest) throw new Error(`No platform versions in ${platformsDir}`);
  return newest;
}

/** True when `version` is shipped. */
export function isKnownVersion(version: string, platformsDir: string = defaultPlatformsDir()): boolean {
  return VERSION_PATTERN.test(version) && fs.existsSync(path.join(platformsDir, version, 'runtime.d.ts'));
}

const loaded = new Map<string, PlatformVersionInfo>();

/** Loads (once per process) the runtime declaration, compiler settings and release notes of a version; a UserError for an unknown version. */
export function loadPlatformVersion(
  version: string,
  platformsDir: string = defaultPlatformsDir(),
): PlatformVersionInfo {
  const key = `${platformsDir}\0${version}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  if (!isKnownVersion(version, platformsDir)) {
    throw new UserError(
      'not-found',
      `Unknown platform version '${version}' (shipped: ${listPlatformVersions(platformsDir).join(', ')})`,
    );
  }
  const dir = path.join(platformsDir, version);
  const compilerJson = fs.readFileSync(path.join(dir, 'compiler.json'), 'utf8');
  const info: PlatformVersionInfo = {
    version,
    runtimeDts: fs.readFileSync(path.join(dir, 'runtime.d.ts'), 'utf8'),
    compilerSettings: JSON.parse(compilerJson) as PlatformCompilerSettings,
    compilerJson,
    releaseNotes: fs.readFileSync(path.join(dir, 'release-notes.md'), 'utf8'),
  };
  loaded.set(key, info);
  return info;
}

/** The platform's own modules shipped with a version, producers before their consumers. */
export function loadSystemComponents(version: string, platformsDir: string = defaultPlatformsDir()): SystemComponent[] {
  const dir = path.join(platformsDir, version, 'system-components');
  if (!fs.existsSync(dir)) return [];
  const components = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name): SystemComponent => {
      const root = path.join(dir, name);
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'module.json'), 'utf8')) as Omit<
        SystemComponent,
        'sources'
      >;
      return {
        name: manifest.name,
        application: manifest.application,
        kind: manifest.kind,
        references: manifest.references ?? [],
        sources: readTree(root, 'src'),
      };
    });
  return orderByReferences(components);
}

function readTree(root: string, rel: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, readTree(root, child));
    else out[child] = fs.readFileSync(path.join(root, child), 'utf8');
  }
  return out;
}

function orderByReferences(components: SystemComponent[]): SystemComponent[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const ordered: SystemComponent[] = [];
  const seen = new Set<string>();
  const visit = (c: SystemComponent): void => {
    if (seen.has(c.name)) return;
    seen.add(c.name);
    for (const ref of c.references) {
      const producer = byName.get(ref);
      if (producer) visit(producer);
    }
    ordered.push(c);
  };
  components.forEach(visit);
  return ordered;
}
