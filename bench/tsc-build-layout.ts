import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../main/engine/store/database';
import { loadPlatformVersion } from '../main/engine/platform/platform-versions';
import { findEligibleModules } from '../main/engine/preparation/eligibility';
import { loadModuleInput, loadSources } from '../main/engine/store/module-repository';
import { RUNTIME_GLOBALS_DTS } from '../main/engine/compiler/runtime-globals';

/**
 * Lays out the environment's eligible modules as TypeScript project references
 * (one composite project per module, consumers referencing producers) so `tsc -b`
 * does the same work as a preparation: type-check and emit JS + declarations, with
 * the same libraries (the DOM for web and mobile modules, the runtime globals for the others).
 */
export function writeTscBuildLayout(db: Db, dir: string, platformVersion: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '_platform'), { recursive: true });
  const platform = loadPlatformVersion(platformVersion);
  fs.writeFileSync(path.join(dir, '_platform', 'runtime.d.ts'), platform.runtimeDts);
  fs.writeFileSync(path.join(dir, '_platform', 'runtime-globals.d.ts'), RUNTIME_GLOBALS_DTS);
  const target = platform.compilerSettings.target;
  const { eligible } = findEligibleModules(db);
  for (const module of eligible) {
    const moduleDir = path.join(dir, module.moduleName);
    const { kind } = loadModuleInput(db, module.moduleVersionId);
    const sources = loadSources(db, module.moduleVersionId);
    const browser = kind === 'web' || kind === 'mobile';
    for (const [file, content] of Object.entries(sources)) {
      fs.mkdirSync(path.dirname(path.join(moduleDir, file)), { recursive: true });
      fs.writeFileSync(path.join(moduleDir, file), content);
    }
    const paths: Record<string, string[]> = { '@platform/runtime': ['../_platform/runtime.d.ts'] };
    for (const producer of module.references) paths[`@modules/${producer}`] = [`../${producer}/src/index.ts`];
    const tsconfig = {
      compilerOptions: {
        composite: true,
        strict: true,
        target,
        lib: [target.toLowerCase(), ...(browser ? ['dom', 'dom.iterable', 'dom.asynciterable'] : [])],
        module: 'ES2022',
        moduleResolution: 'bundler',
        types: [],
        skipLibCheck: true,
        declaration: true,
        rootDir: 'src',
        outDir: 'out',
        paths,
      },
      include: ['src'],
      files: browser ? [] : ['../_platform/runtime-globals.d.ts'],
      references: module.references.map((producer) => ({ path: `../${producer}` })),
    };
    fs.writeFileSync(path.join(moduleDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ files: [], references: eligible.map((module) => ({ path: `./${module.moduleName}` })) }, null, 2),
  );
  return eligible.length;
}
