import path from 'node:path';
import ts from 'typescript';
import type { CompileDiagnostic, CompileJob, CompileResult, ProducerInterface } from './compile-types';
import { CompilerCache, OUT_DIR, PRODUCERS_DIR, RUNTIME_PATH, type VersionContext } from './compiler-cache';
import { computeCycleInputHashes, hashFiles } from './input-hash';
import { ALLOWED, displayPath } from './module-host';
import { createVirtualHost, isRelative, type SourceResolver } from './virtual-host';

const posix = path.posix;
/** Virtual folder the members of a cycle are mounted in, each at /cycle/<Name>/src/... */
export const CYCLE_ROOT = '/cycle';

/**
 * Compiles the members of one reference cycle (a strongly connected component) in one program:
 * members import each other's sources, outside producers by their declarations. Each result holds
 * only that member's diagnostics and output, in the order of `jobs`.
 */
export function compileCycle(jobs: CompileJob[], cache: CompilerCache): CompileResult[] {
  const started = performance.now();
  const inputHashes = computeCycleInputHashes(jobs, cache);
  const names = jobs.map((job) => job.moduleName);
  const members = new Set(names);
  const diagnostics = new Map<string, CompileDiagnostic[]>(names.map((name) => [name, []]));
  const finish = (outputs?: Map<string, { js: Record<string, string>; declarations: Record<string, string> }>) => {
    const durationMs = Math.round((performance.now() - started) / Math.max(jobs.length, 1));
    return jobs.map((job, i): CompileResult => {
      const own = sortDiagnostics(diagnostics.get(job.moduleName)!);
      const out = own.length === 0 ? outputs?.get(job.moduleName) : undefined;
      const base = { moduleName: job.moduleName, platformVersion: job.platformVersion, inputHash: inputHashes[i]! };
      if (!out) {
        return { ...base, success: false, js: {}, declarations: {}, interfaceHash: null, diagnostics: own, durationMs };
      }
      const declarations = sortKeys(out.declarations);
      return {
        ...base,
        success: true,
        js: sortKeys(out.js),
        declarations,
        interfaceHash: hashFiles(declarations),
        diagnostics: [],
        durationMs,
      };
    });
  };
  const toAll = (message: string): void => {
    for (const list of diagnostics.values()) list.push({ message });
  };

  if (members.size !== jobs.length) {
    toAll(`The cycle ${quoteNames(names)} names a module more than once`);
    return finish();
  }
  const versions = new Set(jobs.map((job) => job.platformVersion));
  if (versions.size > 1) {
    toAll(`The cycle ${quoteNames(names)} mixes platform versions ${quoteNames([...versions])}`);
    return finish();
  }
  let ctx: VersionContext;
  try {
    ctx = cache.version(jobs[0]!.platformVersion);
  } catch (error) {
    for (const job of jobs) {
      diagnostics.get(job.moduleName)!.push({
        message: `Module '${job.moduleName}' can't be compiled: ${(error as Error).message}`,
      });
    }
    return finish();
  }

  // Outside producers are mounted once for the whole program, so every member sees the same
  // declarations (types flowing between members through a producer stay identical).
  const producers = new Map<string, ProducerInterface>();
  for (const job of jobs) {
    const own = diagnostics.get(job.moduleName)!;
    if (job.sources['src/index.ts'] === undefined) {
      own.push({
        message: `Module '${job.moduleName}' has no entry point: src/index.ts is missing`,
        file: 'src/index.ts',
      });
    }
    for (const ref of job.references) {
      if (!members.has(ref) && !job.producers[ref]) {
        own.push({
          message: `Producer '${ref}' is listed in the references of '${job.moduleName}' but has no compiled interface for platform ${job.platformVersion}`,
        });
      }
    }
    for (const [name, producer] of Object.entries(job.producers)) {
      if (members.has(name)) continue; // compiled from source here
      const mounted = producers.get(name);
      if (!mounted) producers.set(name, producer);
      else if (mounted.interfaceHash !== producer.interfaceHash) {
        own.push({
          message: `Producer '${name}' of '${job.moduleName}' differs from the one given to the other modules of the cycle ${quoteNames(names)}`,
        });
      }
    }
  }

  const host = createCycleHost(jobs, producers, ctx, cache);
  const options: ts.CompilerOptions = { ...ctx.options, rootDir: CYCLE_ROOT };
  const program = ts.createProgram({ rootNames: host.rootNames, options, host: host.host });
  const report = (list: readonly ts.Diagnostic[]): void => {
    for (const d of list) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      if (d.file && d.start !== undefined && host.isReportedImport(d.file.fileName, d.start)) continue;
      const owner = d.file ? memberOf(d.file.fileName) : undefined;
      if (owner && members.has(owner.name)) diagnostics.get(owner.name)!.push(toDiagnostic(d, owner.name));
      // Not in a member's file (options, globals, a producer's declarations): it concerns the whole program.
      else for (const list of diagnostics.values()) list.push(toDiagnostic(d, undefined));
    }
  };
  for (const [name, list] of host.importDiagnostics) diagnostics.get(name)!.push(...list);
  report([
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ]);

  const outputs = new Map<string, { js: Record<string, string>; declarations: Record<string, string> }>();
  const transformers: ts.CustomTransformers = { afterDeclarations: [specifierRewriter(members)] };
  for (const job of jobs) {
    if (diagnostics.get(job.moduleName)!.length > 0) continue;
    const out = { js: {} as Record<string, string>, declarations: {} as Record<string, string> };
    const prefix = `${OUT_DIR}/${job.moduleName}/src/`;
    const write: ts.WriteFileCallback = (fileName, text) => {
      if (!fileName.startsWith(prefix)) return;
      const rel = fileName.slice(prefix.length);
      if (rel.endsWith('.d.ts')) out.declarations[rel] = text;
      else if (rel.endsWith('.js')) out.js[`src/${rel}`] = text;
    };
    // One file at a time: the member gets exactly its own output, in a fixed order.
    for (const fileName of host.rootNames) {
      if (memberOf(fileName)?.name !== job.moduleName || fileName.endsWith('.d.ts')) continue;
      const emitted = program.emit(program.getSourceFile(fileName), write, undefined, false, transformers);
      report(emitted.diagnostics);
    }
    for (const [key, text] of Object.entries(job.sources)) {
      if (key.startsWith('src/') && key.endsWith('.d.ts')) out.declarations[key.slice('src/'.length)] = text;
    }
    outputs.set(job.moduleName, out);
  }
  return finish(outputs);
}

interface CycleHost {
  host: ts.CompilerHost;
  /** Every member's .ts files (virtual paths), sorted. */
  rootNames: string[];
  /** Refused or missing imports, by the member whose file has them. */
  importDiagnostics: Map<string, CompileDiagnostic[]>;
  isReportedImport(fileName: string, start: number): boolean;
}

/**
 * The file system of a cycle: each member at /cycle/<Name>/src, outside producers at
 * /node_modules/@modules/<Name>, the runtime as usual. Imports follow the module rules of the
 * file's own member, except that a referenced member resolves to its sources.
 */
function createCycleHost(
  jobs: CompileJob[],
  producers: Map<string, ProducerInterface>,
  ctx: VersionContext,
  cache: CompilerCache,
): CycleHost {
  const byName = new Map(jobs.map((job) => [job.moduleName, job]));
  const files = new Map<string, string>();
  for (const job of jobs) {
    for (const [key, text] of Object.entries(job.sources)) {
      if (key.startsWith('src/') && key.endsWith('.ts')) files.set(`${CYCLE_ROOT}/${job.moduleName}/${key}`, text);
    }
  }
  const importDiagnostics = new Map<string, CompileDiagnostic[]>();
  const reported = new Set<string>();
  const refuse = (member: string, sf: ts.SourceFile, literal: ts.StringLiteralLike, message?: string): undefined => {
    const start = literal.getStart(sf);
    reported.add(`${sf.fileName}:${start}`);
    if (message) {
      const { line, character } = sf.getLineAndCharacterOfPosition(start);
      const list = importDiagnostics.get(member) ?? [];
      list.push({ message, file: memberOf(sf.fileName)!.rel, line: line + 1, column: character + 1 });
      importDiagnostics.set(member, list);
    }
    return undefined;
  };

  const resolveInMember: SourceResolver = (spec, sf, literal, firstExisting) => {
    const job = byName.get(memberOf(sf.fileName)!.name)!;
    const member = job.moduleName;
    const where = `in ${memberOf(sf.fileName)!.rel}`;
    if (spec === '@platform/runtime') return RUNTIME_PATH;
    if (spec.startsWith('@modules/')) {
      const [name = '', ...rest] = spec.slice('@modules/'.length).split('/');
      const sub = rest.join('/') || 'index';
      if (!job.references.includes(name)) {
        return refuse(
          member,
          sf,
          literal,
          `Import '${spec}' ${where} is not allowed: module '${name}' is not in the references of '${member}'`,
        );
      }
      if (byName.has(name)) {
        return (
          firstExisting(`${CYCLE_ROOT}/${name}/src/${sub}`, ['.ts', '.d.ts']) ??
          refuse(member, sf, literal, `Import '${spec}' ${where}: module '${name}' has no file src/${sub}.ts`)
        );
      }
      if (!job.producers[name]) return refuse(member, sf, literal); // compileCycle names the producer once
      return (
        firstExisting(`${PRODUCERS_DIR}/${name}/${sub}`, ['.d.ts']) ??
        refuse(
          member,
          sf,
          literal,
          `Import '${spec}' ${where}: producer '${name}' has no declaration file for '${sub}'`,
        )
      );
    }
    if (isRelative(spec)) {
      const srcDir = `${CYCLE_ROOT}/${member}/src`;
      const target = posix.normalize(posix.join(posix.dirname(sf.fileName), spec));
      if (!`${target}/`.startsWith(`${srcDir}/`)) {
        return refuse(member, sf, literal, `Import '${spec}' ${where} is not allowed: ${ALLOWED}`);
      }
      return (
        firstExisting(target, ['.ts', '.d.ts']) ??
        refuse(
          member,
          sf,
          literal,
          `Import '${spec}' ${where}: no file ${target.slice(srcDir.length - 'src'.length)}.ts in the module`,
        )
      );
    }
    return refuse(member, sf, literal, `Import '${spec}' ${where} is not allowed: ${ALLOWED}`);
  };

  const host = createVirtualHost(files, (name) => producers.get(name), ctx, cache, resolveInMember);

  return {
    host,
    rootNames: [...files.keys()].sort(),
    importDiagnostics,
    isReportedImport: (fileName, start) => reported.has(`${fileName}:${start}`),
  };
}

/** The member a virtual path belongs to and the path relative to that member's root ('src/x.ts'). */
function memberOf(fileName: string): { name: string; rel: string } | undefined {
  if (!fileName.startsWith(`${CYCLE_ROOT}/`)) return undefined;
  const rest = fileName.slice(CYCLE_ROOT.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : { name: rest.slice(0, slash), rel: rest.slice(slash + 1) };
}

/**
 * How another member's file is imported from outside it: '@modules/B' or '@modules/B/model/order'
 * (the form a consumer of B's declarations resolves), without extension.
 */
function memberSpecifier(name: string, rel: string): string {
  const sub = rel
    .replace(/^src(\/|$)/, '')
    .replace(/(\.d)?\.ts$|\.js$/, '')
    .replace(/(^|\/)index$/, '');
  return sub ? `@modules/${name}/${sub}` : `@modules/${name}`;
}

/**
 * Declaration emit may have to name a type of another member that the file does not import
 * itself; TypeScript then writes a relative path between the two virtual mounts
 * ('../../B/src/index'), which means nothing outside this program. Rewrites such specifiers to
 * '@modules/<B>', which is how consumers (and single compiles) see that member.
 */
function specifierRewriter(members: Set<string>): ts.TransformerFactory<ts.SourceFile | ts.Bundle> {
  return (context) => {
    const { factory } = context;
    const rewrite = (fromFile: string, spec: string): string | undefined => {
      if (!isRelative(spec)) return undefined;
      const from = memberOf(fromFile);
      const target = memberOf(posix.normalize(posix.join(posix.dirname(fromFile), spec)));
      if (!from || !target || target.name === from.name || !members.has(target.name)) return undefined;
      return memberSpecifier(target.name, target.rel);
    };
    const transformFile = (sf: ts.SourceFile): ts.SourceFile => {
      // Declaration output keeps the source file's name, so relative specifiers are relative to it.
      const fromFile = sf.fileName;
      const visit = (node: ts.Node): ts.Node => {
        if (
          ts.isImportTypeNode(node) &&
          ts.isLiteralTypeNode(node.argument) &&
          ts.isStringLiteral(node.argument.literal)
        ) {
          const spec = rewrite(fromFile, node.argument.literal.text);
          if (spec) {
            return factory.updateImportTypeNode(
              node,
              factory.updateLiteralTypeNode(node.argument, factory.createStringLiteral(spec)),
              node.attributes,
              node.qualifier ? (ts.visitNode(node.qualifier, visit) as ts.EntityName) : undefined,
              node.typeArguments && ts.visitNodes(node.typeArguments, visit, ts.isTypeNode),
              node.isTypeOf,
            );
          }
        }
        if (
          (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
          node.moduleSpecifier &&
          ts.isStringLiteral(node.moduleSpecifier)
        ) {
          const spec = rewrite(fromFile, node.moduleSpecifier.text);
          if (spec) {
            return ts.isImportDeclaration(node)
              ? factory.updateImportDeclaration(
                  node,
                  node.modifiers,
                  node.importClause,
                  factory.createStringLiteral(spec),
                  node.attributes,
                )
              : factory.updateExportDeclaration(
                  node,
                  node.modifiers,
                  node.isTypeOnly,
                  node.exportClause,
                  factory.createStringLiteral(spec),
                  node.attributes,
                );
          }
        }
        return ts.visitEachChild(node, visit, context);
      };
      return ts.visitEachChild(sf, visit, context);
    };
    return (node) =>
      ts.isSourceFile(node) ? transformFile(node) : factory.updateBundle(node, node.sourceFiles.map(transformFile));
  };
}

const CYCLE_NAME_IN_MESSAGE = /"\/cycle\/([^/"]+)\/([^"]*)"/g;
const MODULE_NAME_IN_MESSAGE = /"\/(?:module\/|node_modules\/)([^"]*)"/g;

/** Like a single compile's diagnostic, with paths as the owning member sees them. */
function toDiagnostic(d: ts.Diagnostic, owner: string | undefined): CompileDiagnostic {
  const message = ts
    .flattenDiagnosticMessageText(d.messageText, '\n')
    .replace(CYCLE_NAME_IN_MESSAGE, (_m, name: string, rel: string) =>
      name === owner ? `"${rel.replace(/\/index$/, '')}"` : `"${memberSpecifier(name, rel)}"`,
    )
    .replace(MODULE_NAME_IN_MESSAGE, (_m, rest: string) => `"${rest.replace(/\/index$/, '')}"`)
    .replace(/'"([^"']+)"'/g, "'$1'");
  if (!d.file || d.start === undefined) return { message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const member = memberOf(d.file.fileName);
  const file = member && member.name === owner ? member.rel : displayPath(d.file.fileName);
  return { message, file, line: line + 1, column: character + 1 };
}

function quoteNames(names: string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
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
