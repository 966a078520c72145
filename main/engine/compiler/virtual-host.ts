import path from 'node:path';
import ts from 'typescript';
import type { ProducerInterface } from './compile-types';
import { CompilerCache, LIB_DIR, PRODUCERS_DIR, RUNTIME_PATH, type VersionContext } from './compiler-cache';

const posix = path.posix;
type ParseOptions = ts.CreateSourceFileOptions | ts.ScriptTarget;

/** The first of `base` + each extension (or `base/index` + it) that exists. */
export type FirstExisting = (base: string, exts: string[]) => string | undefined;

/** Resolves an import in one of the compiled sources; undefined when the rules refuse it. */
export type SourceResolver = (
  spec: string,
  sf: ts.SourceFile,
  literal: ts.StringLiteralLike,
  firstExisting: FirstExisting,
) => string | undefined;

/**
 * The in-memory CompilerHost every compilation shares: `sources` (virtual path -> text),
 * the version's lib and runtime, and producers' declarations at @modules/<Name>, with
 * parsed lib, runtime and declaration files taken from the cache. Imports in `sources`
 * follow `resolveInSource`; imports in producers' declarations may reach the runtime,
 * their own files and other mounted producers.
 */
export function createVirtualHost(
  sources: ReadonlyMap<string, string>,
  producer: (name: string) => ProducerInterface | undefined,
  ctx: VersionContext,
  cache: CompilerCache,
  resolveInSource: SourceResolver,
): ts.CompilerHost {
  const producerText = (fileName: string): string | undefined => {
    const p = producerOf(fileName);
    return p ? producer(p.name)?.declarations[p.rel] : undefined;
  };
  const readText = (fileName: string): string | undefined => {
    if (sources.has(fileName)) return sources.get(fileName);
    if (fileName === RUNTIME_PATH) return ctx.info.runtimeDts;
    if (fileName.startsWith(`${LIB_DIR}/`)) return cache.libText(fileName);
    return producerText(fileName);
  };
  const exists = (fileName: string): boolean => readText(fileName) !== undefined;
  const firstExisting: FirstExisting = (base, exts) => {
    const stem = base.endsWith('.js') ? base.slice(0, -3) : base;
    return exts.flatMap((ext) => [`${stem}${ext}`, `${stem}/index${ext}`]).find(exists);
  };
  const resolveInDeclarations = (spec: string, fileName: string): string | undefined => {
    if (spec === '@platform/runtime') return RUNTIME_PATH;
    if (spec.startsWith('@modules/'))
      return firstExisting(`${PRODUCERS_DIR}/${spec.slice('@modules/'.length)}`, ['.d.ts']);
    const p = producerOf(fileName);
    if (!p || !isRelative(spec)) return undefined;
    const target = posix.normalize(posix.join(posix.dirname(fileName), spec));
    return `${target}/`.startsWith(`${PRODUCERS_DIR}/${p.name}/`) ? firstExisting(target, ['.d.ts']) : undefined;
  };

  return {
    getSourceFile: (fileName, parse: ParseOptions) => {
      if (fileName.startsWith(`${LIB_DIR}/`)) return cache.libFile(fileName, ctx, parse);
      if (fileName === RUNTIME_PATH) return cache.runtimeFile(ctx, parse);
      const own = sources.get(fileName);
      if (own !== undefined) return ts.createSourceFile(fileName, own, parse);
      const p = producerOf(fileName);
      const text = producerText(fileName);
      return p && text !== undefined
        ? cache.producerFile(fileName, producer(p.name)!.interfaceHash, text, ctx, parse)
        : undefined;
    },
    getDefaultLibFileName: () => ctx.libFile,
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: exists,
    readFile: readText,
    directoryExists: (dir) =>
      dir === '/' ||
      dir.startsWith(LIB_DIR) ||
      dir.startsWith('/node_modules') ||
      [...sources.keys()].some((f) => f.startsWith(`${dir}/`)),
    getDirectories: () => [],
    resolveModuleNameLiterals: (literals, _containingFile, _redirect, _options, sf) =>
      literals.map((literal) => {
        const resolvedFileName = sources.has(sf.fileName)
          ? resolveInSource(literal.text, sf, literal, firstExisting)
          : resolveInDeclarations(literal.text, sf.fileName);
        return {
          resolvedModule: resolvedFileName
            ? {
                resolvedFileName,
                extension: resolvedFileName.endsWith('.d.ts') ? ts.Extension.Dts : ts.Extension.Ts,
                isExternalLibraryImport: false,
              }
            : undefined,
        };
      }),
  };
}

/** True for './x', '../x', '.' and '..'. */
export function isRelative(spec: string): boolean {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
}

/** The producer a mounted declaration file belongs to, and its path relative to the producer's src/. */
export function producerOf(fileName: string): { name: string; rel: string } | undefined {
  if (!fileName.startsWith(`${PRODUCERS_DIR}/`)) return undefined;
  const rest = fileName.slice(PRODUCERS_DIR.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : { name: rest.slice(0, slash), rel: rest.slice(slash + 1) };
}
