import fs from 'node:fs';
import path from 'node:path';
import type { RawCompilerOptions } from 'typescript-native/sync';
import type { ModuleKind } from '../../../common/domain';
import type { PlatformVersionInfo } from '../platform/platform-versions';

/** Virtual folder the members of a compile group are mounted in, each at /group/<Name>/src/... */
export const GROUP_ROOT = '/group';
/** Virtual path of a version's `@platform/runtime` declaration. */
export const RUNTIME_PATH = '/node_modules/@platform/runtime/index.d.ts';
/** Virtual folder a producer's declarations are mounted in. */
export const PRODUCERS_DIR = '/node_modules/@modules';
/** Virtual path of the runtime globals of modules compiled without the DOM library. */
export const GLOBALS_PATH = '/__platform__/runtime-globals.d.ts';
/** Virtual output folder. */
export const OUT_DIR = '/out';

// Numeric enum values of the native compiler (a name where it expects a number crashes its server).
const TARGETS: Record<string, number> = {
  es2015: 2,
  es2016: 3,
  es2017: 4,
  es2018: 5,
  es2019: 6,
  es2020: 7,
  es2021: 8,
  es2022: 9,
  es2023: 10,
  es2024: 11,
  es2025: 12,
  esnext: 99,
};
const MODULES: Record<string, number> = { es2015: 5, es2020: 6, es2022: 7, esnext: 99 };
const MODULE_RESOLUTION_BUNDLER = 100;
const NEW_LINE_LF = 2;

/** Lib names that TypeScript maps to another file than lib.<name>.d.ts. */
const LIB_ALIASES: Record<string, string> = {
  es6: 'es2015',
  es7: 'es2016',
  'esnext.asynciterable': 'es2018.asynciterable',
  'esnext.symbol': 'es2019.symbol',
  'esnext.bigint': 'es2020.bigint',
  'esnext.weakref': 'es2021.weakref',
  'esnext.object': 'es2024.object',
  'esnext.regexp': 'es2024.regexp',
  'esnext.string': 'es2024.string',
  'esnext.float16': 'es2025.float16',
  'esnext.iterator': 'es2025.iterator',
  'esnext.promise': 'es2025.promise',
};
/** Libraries every program loads whatever its lib setting. */
const ALWAYS_LOADED = ['decorators', 'decorators.legacy'];
/** What `web` and `mobile` modules get besides their ES library: they run in the browser. */
const BROWSER_LIBS = ['dom', 'dom.iterable', 'dom.asynciterable'];

/** How the modules of one platform version and kind compile. */
export interface KindSettings {
  /** Key of the warm base snapshot these settings share. */
  key: string;
  options: RawCompilerOptions;
  /** The lib names the program is given (es2019, dom…). */
  libs: string[];
  /** True when the runtime globals file is mounted (no DOM library). */
  runtimeGlobals: boolean;
  /** Every library the module may name in `/// <reference lib>`: the closure of `libs`. */
  allowedLibFiles: ReadonlySet<string>;
}

/** The file a lib name designates ('esnext.asynciterable' → 'lib.es2018.asynciterable.d.ts'). */
export function libFileName(name: string): string {
  const lower = name.toLowerCase();
  return `lib.${LIB_ALIASES[lower] ?? lower}.d.ts`;
}

/** Settings of each (version, kind), computed once per process. */
export class PlatformSettings {
  private readonly cache = new Map<string, KindSettings>();

  constructor(private readonly libDir: string) {}

  forKind(info: PlatformVersionInfo, kind: ModuleKind): KindSettings {
    const browser = kind === 'web' || kind === 'mobile';
    const key = `${info.version}|${browser ? 'browser' : 'runtime'}`;
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.compute(info, browser, key);
      this.cache.set(key, settings);
    }
    return settings;
  }

  private compute(info: PlatformVersionInfo, browser: boolean, key: string): KindSettings {
    const { target, module, lib } = info.compilerSettings;
    const targetValue = TARGETS[target.toLowerCase()];
    const moduleValue = MODULES[(module ?? 'ES2022').toLowerCase()];
    if (targetValue === undefined || moduleValue === undefined) {
      throw new Error(`Invalid compiler.json of platform ${info.version}: target '${target}', module '${module}'`);
    }
    const libs = [...lib.map((name) => name.toLowerCase()), ...(browser ? BROWSER_LIBS : [])];
    const options: RawCompilerOptions = {
      target: targetValue,
      module: moduleValue,
      moduleResolution: MODULE_RESOLUTION_BUNDLER,
      lib: libs.map(libFileName),
      strict: true,
      declaration: true,
      noEmitOnError: false,
      skipLibCheck: true,
      types: [],
      newLine: NEW_LINE_LF,
      rootDir: GROUP_ROOT,
      outDir: OUT_DIR,
      sourceMap: false,
      allowJs: false,
      forceConsistentCasingInFileNames: true,
      noErrorTruncation: true,
    } as RawCompilerOptions;
    return { key, options, libs, runtimeGlobals: !browser, allowedLibFiles: this.closure([...libs, ...ALWAYS_LOADED]) };
  }

  /** The lib files `names` designate and every lib they reference. */
  private closure(names: string[]): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      let text: string;
      try {
        text = fs.readFileSync(path.join(this.libDir, file), 'utf8');
      } catch {
        return;
      }
      for (const ref of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm)) visit(libFileName(ref[1]!));
    };
    for (const name of names) visit(libFileName(name));
    return seen;
  }
}
