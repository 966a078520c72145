import ts from 'typescript';
import type { CompileDiagnostic, CompileJob, CompileResult } from './compile-types';
import { CompilerCache, OUT_DIR, type VersionContext } from './compiler-cache';
import { computeInputHash, hashFiles } from './input-hash';
import { createModuleHost, displayPath } from './module-host';

/** Compiles one module against its platform version's runtime and its producers' declarations. */
export function compileModule(job: CompileJob, cache: CompilerCache): CompileResult {
  const started = performance.now();
  const inputHash = computeInputHash(job, cache);
  const fail = (diagnostics: CompileDiagnostic[]): CompileResult => ({
    moduleName: job.moduleName,
    platformVersion: job.platformVersion,
    inputHash,
    success: false,
    js: {},
    declarations: {},
    interfaceHash: null,
    diagnostics,
    durationMs: Math.round(performance.now() - started),
  });

  let ctx: VersionContext;
  try {
    ctx = cache.version(job.platformVersion);
  } catch (error) {
    return fail([{ message: `Module '${job.moduleName}' can't be compiled: ${(error as Error).message}` }]);
  }
  if (job.sources['src/index.ts'] === undefined) {
    return fail([
      { message: `Module '${job.moduleName}' has no entry point: src/index.ts is missing`, file: 'src/index.ts' },
    ]);
  }

  const diagnostics: CompileDiagnostic[] = [];
  for (const ref of job.references) {
    if (!job.producers[ref]) {
      diagnostics.push({
        message: `Producer '${ref}' is listed in the references of '${job.moduleName}' but has no compiled interface for platform ${job.platformVersion}`,
      });
    }
  }

  const { host, rootNames, importDiagnostics, isReportedImport } = createModuleHost(job, ctx, cache);
  const program = ts.createProgram({ rootNames, options: ctx.options, host });
  const tsDiagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  const report = (list: readonly ts.Diagnostic[]): void => {
    for (const d of list) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      if (d.file && d.start !== undefined && isReportedImport(d.file.fileName, d.start)) continue; // ours says it better
      diagnostics.push(toDiagnostic(d));
    }
  };
  diagnostics.push(...importDiagnostics);
  report(tsDiagnostics);
  if (diagnostics.length > 0) return fail(sortDiagnostics(diagnostics));

  const js: Record<string, string> = {};
  const declarations: Record<string, string> = {};
  const emitted = program.emit(undefined, (fileName, text) => {
    const rel = fileName.slice(OUT_DIR.length + 1);
    if (rel.endsWith('.d.ts')) declarations[rel.slice('src/'.length)] = text;
    else if (rel.endsWith('.js')) js[rel] = text;
  });
  report(emitted.diagnostics);
  if (diagnostics.length > 0) return fail(sortDiagnostics(diagnostics));
  for (const [key, text] of Object.entries(job.sources)) {
    if (key.startsWith('src/') && key.endsWith('.d.ts')) declarations[key.slice('src/'.length)] = text;
  }
  const sortedDeclarations = sortKeys(declarations);
  return {
    moduleName: job.moduleName,
    platformVersion: job.platformVersion,
    inputHash,
    success: true,
    js: sortKeys(js),
    declarations: sortedDeclarations,
    interfaceHash: hashFiles(sortedDeclarations),
    diagnostics: [],
    durationMs: Math.round(performance.now() - started),
  };
}

const MODULE_NAME_IN_MESSAGE = /"\/(?:module\/|node_modules\/)([^"]*)"/g;

function toDiagnostic(d: ts.Diagnostic): CompileDiagnostic {
  const message = ts
    .flattenDiagnosticMessageText(d.messageText, '\n')
    .replace(MODULE_NAME_IN_MESSAGE, (_m, rest: string) => `"${rest.replace(/\/index$/, '')}"`)
    .replace(/'"([^"']+)"'/g, "'$1'");
  if (!d.file || d.start === undefined) return { message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { message, file: displayPath(d.file.fileName), line: line + 1, column: character + 1 };
}

function sortDiagnostics(list: CompileDiagnostic[]): CompileDiagnostic[] {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return list.sort(
    (a, b) => cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}
