import path from 'node:path';
import ts from 'typescript';
import type { CompileDiagnostic, CompileJob } from './compile-types';
import {
  CompilerCache,
  LIB_DIR,
  MODULE_ROOT,
  PRODUCERS_DIR,
  RUNTIME_PATH,
  type VersionContext,
} from './compiler-cache';
import { createVirtualHost, isRelative, type SourceResolver } from './virtual-host';

const posix = path.posix;
const SRC_DIR = `${MODULE_ROOT}/src`;
/** What the import rules allow, for refusal messages. */
export const ALLOWED =
  'a module may import only @platform/runtime, @modules/<referenced module> or relative paths inside src/';

/** The in-memory file system of one compilation and the import rules of the module sources. */
export interface ModuleHost {
  host: ts.CompilerHost;
  /** The module's own .ts files (virtual paths), sorted. */
  rootNames: string[];
  /** Imports refused or not found, found while the program was created. */
  importDiagnostics: CompileDiagnostic[];
  /** True when an import at this position already has our own diagnostic (so TypeScript's is dropped). */
  isReportedImport(fileName: string, start: number): boolean;
}

/**
 * Mounts the module's sources at /module/src, the version's runtime as @platform/runtime and the
 * producers' declarations as @modules/<Name>; resolves imports by the module rules only.
 */
export function createModuleHost(job: CompileJob, ctx: VersionContext, cache: CompilerCache): ModuleHost {
  const files = new Map<string, string>();
  for (const [key, text] of Object.entries(job.sources)) {
    if (key.startsWith('src/') && key.endsWith('.ts')) files.set(`${MODULE_ROOT}/${key}`, text);
  }
  const importDiagnostics: CompileDiagnostic[] = [];
  const reported = new Set<string>();
  /** Records a refused import; `message` undefined when it is already reported elsewhere. */
  const refuse = (sf: ts.SourceFile, literal: ts.StringLiteralLike, message?: string): undefined => {
    const start = literal.getStart(sf);
    reported.add(`${sf.fileName}:${start}`);
    if (message) {
      const { line, character } = sf.getLineAndCharacterOfPosition(start);
      importDiagnostics.push({ message, file: displayPath(sf.fileName), line: line + 1, column: character + 1 });
    }
    return undefined;
  };

  const resolveInModule: SourceResolver = (spec, sf, literal, firstExisting) => {
    const where = `in ${displayPath(sf.fileName)}`;
    if (spec === '@platform/runtime') return RUNTIME_PATH;
    if (spec.startsWith('@modules/')) {
      const [name = '', ...rest] = spec.slice('@modules/'.length).split('/');
      const sub = rest.join('/') || 'index';
      if (!job.references.includes(name)) {
        return refuse(
          sf,
          literal,
          `Import '${spec}' ${where} is not allowed: module '${name}' is not in the references of '${job.moduleName}'`,
        );
      }
      if (!job.producers[name]) return refuse(sf, literal); // compileModule names the producer once
      return (
        firstExisting(`${PRODUCERS_DIR}/${name}/${sub}`, ['.d.ts']) ??
        refuse(sf, literal, `Import '${spec}' ${where}: producer '${name}' has no declaration file for '${sub}'`)
      );
    }
    if (isRelative(spec)) {
      const target = posix.normalize(posix.join(posix.dirname(sf.fileName), spec));
      if (!`${target}/`.startsWith(`${SRC_DIR}/`))
        return refuse(sf, literal, `Import '${spec}' ${where} is not allowed: ${ALLOWED}`);
      return (
        firstExisting(target, ['.ts', '.d.ts']) ??
        refuse(sf, literal, `Import '${spec}' ${where}: no file ${displayPath(target)}.ts in the module`)
      );
    }
    return refuse(sf, literal, `Import '${spec}' ${where} is not allowed: ${ALLOWED}`);
  };

  const host = createVirtualHost(files, (name) => job.producers[name], ctx, cache, resolveInModule);

  return {
    host,
    rootNames: [...files.keys()].sort(),
    importDiagnostics,
    isReportedImport: (fileName, start) => reported.has(`${fileName}:${start}`),
  };
}

/** Shows a virtual path the way an admin knows it: 'src/x.ts', '@modules/A/index.d.ts', '@platform/runtime'. */
export function displayPath(fileName: string): string {
  if (fileName.startsWith(`${MODULE_ROOT}/`)) return fileName.slice(MODULE_ROOT.length + 1);
  if (fileName === RUNTIME_PATH) return '@platform/runtime';
  if (fileName.startsWith('/node_modules/')) return fileName.slice('/node_modules/'.length);
  if (fileName.startsWith(`${LIB_DIR}/`)) return fileName.slice(LIB_DIR.length + 1);
  return fileName;
}
