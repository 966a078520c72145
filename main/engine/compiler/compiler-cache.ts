import path from 'node:path';
import fs from 'node:fs';
import ts from 'typescript';
import { defaultPlatformsDir, loadPlatformVersion, type PlatformVersionInfo } from '../platform/platform-versions';

/** Virtual folder the TypeScript lib files are served from. */
export const LIB_DIR = '/__lib__';
/** Virtual path of a version's `@platform/runtime` declaration. */
export const RUNTIME_PATH = '/node_modules/@platform/runtime/index.d.ts';
/** Virtual folder a producer's declarations are mounted in. */
export const PRODUCERS_DIR = '/node_modules/@modules';
/** Virtual root of the module being compiled. */
export const MODULE_ROOT = '/module';
/** Virtual output folder. */
export const OUT_DIR = '/out';

const realLibDir = path.dirname(ts.getDefaultLibFilePath({}));

/** TypeScript's lib files for `libs` and everything they reference, in dependency order, as one default lib text. */
function joinLibChain(libs: string[]): string | undefined {
  const seen = new Set<string>();
  const parts = ['/// <reference no-default-lib="true"/>\n'];
  const visit = (name: string): boolean => {
    if (seen.has(name)) return true;
    seen.add(name);
    const file = path.join(realLibDir, `lib.${name}.d.ts`);
    if (!/^[a-z0-9.]+$/.test(name) || !fs.existsSync(file)) return false;
    const text = fs.readFileSync(file, 'utf8');
    for (const ref of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm)) {
      if (!visit(ref[1]!.toLowerCase())) return false;
    }
    parts.push(text.replace(/^\/\/\/\s*<reference\s[^>]*\/>[ \t]*$/gm, ''));
    return true;
  };
  return libs.every(visit) ? parts.join('\n') : undefined;
}

/** Bound on cached producer declaration files (a cheap guard against unbounded growth in a long-lived worker). */
const MAX_PRODUCER_FILES = 20_000;

/** Per-version compiler state shared by every compilation for that version. */
export interface VersionContext {
  info: PlatformVersionInfo;
  options: ts.CompilerOptions;
  /** Key of everything that changes how a SourceFile is parsed and bound. */
  bucket: string;
  /** The version's lib chain joined into one default lib file (the only lib file served). */
  libFile: string;
}

/**
 * Keeps what does not change between compilations (parsed lib and runtime declarations,
 * producers' declarations by interface hash, compiler options per version), so that one
 * compilation costs only the module's own work.
 */
export class CompilerCache {
  readonly platformsDir: string;
  private readonly versions = new Map<string, VersionContext>();
  private readonly libFiles = new Map<string, ts.SourceFile>();
  private readonly libTexts = new Map<string, string | undefined>();
  private readonly runtimeFiles = new Map<string, ts.SourceFile>();
  private readonly producerFiles = new Map<string, ts.SourceFile>();

  constructor(options: { platformsDir?: string } = {}) {
    this.platformsDir = options.platformsDir ?? defaultPlatformsDir();
  }

  /** The compiler options and runtime of a platform version (throws for an unknown version). */
  version(version: string): VersionContext {
    let ctx = this.versions.get(version);
    if (!ctx) {
      const info = loadPlatformVersion(version, this.platformsDir);
      const { lib, target, module } = info.compilerSettings;
      const converted = ts.convertCompilerOptionsFromJson({ target, lib, module: module ?? 'ES2022' }, '/');
      if (converted.errors.length > 0) {
        throw new Error(
          `Invalid compiler.json of platform ${version}: ${ts.flattenDiagnosticMessageText(converted.errors[0]!.messageText, ' ')}`,
        );
      }
      const options: ts.CompilerOptions = {
        ...converted.options,
        strict: true,
        declaration: true,
        noEmitOnError: false,
        skipLibCheck: true,
        types: [],
        noResolve: false,
        newLine: ts.NewLineKind.LineFeed,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        rootDir: MODULE_ROOT,
        outDir: OUT_DIR,
        sourceMap: false,
        inlineSourceMap: false,
        allowJs: false,
        forceConsistentCasingInFileNames: true,
        noErrorTruncation: true,
      };
      // One pre-joined lib file instead of the ~35 of the lib chain: the checker then merges far fewer global symbols per program.
      delete options.lib;
      const libFile = `${LIB_DIR}/bundle.${lib.map((name) => name.toLowerCase()).join('+')}.d.ts`;
      ctx = { info, options, bucket: `${options.target}|${options.module}`, libFile };
      this.versions.set(version, ctx);
    }
    return ctx;
  }

  /** The text of a joined lib file (LIB_DIR/bundle.<libs>.d.ts); undefined for any other lib, such as a `reference lib="dom"`. */
  libText(fileName: string): string | undefined {
    if (!this.libTexts.has(fileName)) {
      const match = /^\/__lib__\/bundle\.([a-z0-9.+]+)\.d\.ts$/.exec(fileName);
      this.libTexts.set(fileName, match ? joinLibChain(match[1]!.split('+')) : undefined);
    }
    return this.libTexts.get(fileName);
  }

  libFile(
    fileName: string,
    ctx: VersionContext,
    parse: ts.CreateSourceFileOptions | ts.ScriptTarget,
  ): ts.SourceFile | undefined {
    const key = `${ctx.bucket}\0${fileName}`;
    let file = this.libFiles.get(key);
    if (!file) {
      const text = this.libText(fileName);
      if (text === undefined) return undefined;
      file = ts.createSourceFile(fileName, text, parse);
      this.libFiles.set(key, file);
    }
    return file;
  }

  runtimeFile(ctx: VersionContext, parse: ts.CreateSourceFileOptions | ts.ScriptTarget): ts.SourceFile {
    let file = this.runtimeFiles.get(ctx.info.version);
    if (!file) {
      file = ts.createSourceFile(RUNTIME_PATH, ctx.info.runtimeDts, parse);
      this.runtimeFiles.set(ctx.info.version, file);
    }
    return file;
  }

  producerFile(
    fileName: string,
    interfaceHash: string,
    text: string,
    ctx: VersionContext,
    parse: ts.CreateSourceFileOptions | ts.ScriptTarget,
  ): ts.SourceFile {
    const key = `${ctx.bucket}\0${interfaceHash}\0${fileName}`;
    let file = this.producerFiles.get(key);
    if (!file || file.text !== text) {
      if (this.producerFiles.size >= MAX_PRODUCER_FILES) this.producerFiles.clear();
      file = ts.createSourceFile(fileName, text, parse);
      this.producerFiles.set(key, file);
    }
    return file;
  }
}
