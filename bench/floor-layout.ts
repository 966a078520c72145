import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../main/engine/store/database';
import { loadPlatformVersion } from '../main/engine/platform/platform-versions';
import { findEligibleModules } from '../main/engine/preparation/eligibility';
import { loadSources } from '../main/engine/store/module-repository';

/**
 * Lays out the environment's eligible modules as ONE TypeScript program, the compile floor:
 * `tsc -p` over every module's sources, `@modules/X` mapped through `paths` to X's sources
 * (not its declarations), JS and declaration emit, the DOM library for all (a superset of the
 * runtime globals, which would clash with it in one program). It checks more than a preparation
 * (the consumers of failed modules too) and ignores the module boundary, so it is a lower bound.
 * Returns the number of modules.
 */
export function writeFloorLayout(db: Db, dir: string, platformVersion: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '_platform'), { recursive: true });
  const platform = loadPlatformVersion(platformVersion);
  fs.writeFileSync(path.join(dir, '_platform', 'runtime.d.ts'), platform.runtimeDts);
  const target = platform.compilerSettings.target;
  const { eligible } = findEligibleModules(db);
  for (const module of eligible) {
    for (const [file, content] of Object.entries(loadSources(db, module.moduleVersionId))) {
      if (!file.startsWith('src/')) continue;
      // mods/<Name>/<path under src>: '@modules/X' and '@modules/X/sub' both resolve through one `paths` entry.
      const to = path.join(dir, 'mods', module.moduleName, file.slice('src/'.length));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, content);
    }
  }
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target,
      lib: [target.toLowerCase(), 'dom', 'dom.iterable', 'dom.asynciterable'],
      module: 'ES2022',
      moduleResolution: 'bundler',
      types: [],
      skipLibCheck: true,
      declaration: true,
      rootDir: 'mods',
      outDir: 'out',
      paths: { '@platform/runtime': ['./_platform/runtime.d.ts'], '@modules/*': ['./mods/*'] },
    },
    include: ['mods'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return eligible.length;
}
