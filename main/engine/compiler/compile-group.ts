import { createFileSystemLayer } from 'typescript-native/fs';
import type { Diagnostic, Program } from 'typescript-native/sync';
import type { ModuleKind } from '../../../common/domain';
import { defaultPlatformsDir, loadPlatformVersion, type PlatformVersionInfo } from '../platform/platform-versions';
import type { CompileDiagnostic, CompileGroup, CompileJob, CompileResult, ProducerInterface } from './compile-types';
import { isRelative, memberOf, memberSpecifier, sortDiagnostics, sortKeys, toCompileDiagnostic } from './group-paths';
import { checkFile, type GroupView, type RuleFindings } from './import-rules';
import { computeGroupInputHashes, hashFiles } from './input-hash';
import { NativeCompilerMissingError } from './native-binary';
import { isServerGone, NativeServer } from './native-server';
import { GLOBALS_PATH, GROUP_ROOT, OUT_DIR, PlatformSettings, PRODUCERS_DIR } from './platform-libs';
import path from 'node:path';

const posix = path.posix;
const ERROR = 1; // DiagnosticCategory.Error
/** A server whose resident memory passes this after a compilation is replaced before the next one. */
const DEFAULT_RECYCLE_RSS_BYTES = 320 * 1024 * 1024;

/** Settings of a GroupCompiler. */
export interface GroupCompilerOptions {
  platformsDir?: string;
  /** The native server to use (tests give one with a missing or failing binary). */
  server?: NativeServer;
  /** Replace the server once its RSS passes this many bytes (default 320 MB). */
  recycleRssBytes?: number;
  /** Fault injection for tests (the compiler worker sets it only from CONFIG_TOOL_TEST_FAULTS). */
  faults?: CompileFaults;
}

/** Test seam: runs before each attempt at a group, with a way to kill the native server (as if it died). */
export interface CompileFaults {
  beforeAttempt(group: CompileGroup, killServer: () => void): void;
}

type MemberOutput = { js: Record<string, string>; declarations: Record<string, string> };

/**
 * Compiles compile groups (one module, or the members of one reference cycle) with TypeScript 7
 * through its native API server: one program per group, forked from a warm base snapshot, with
 * the import rules, one diagnostics conversion and one result shape for every group. When the
 * server dies during a group, it is restarted and the group compiled once more.
 */
export class GroupCompiler {
  readonly platformsDir: string;
  readonly server: NativeServer;
  private settings: PlatformSettings | undefined;
  private readonly recycleRssBytes: number;
  private readonly faults: CompileFaults | undefined;

  constructor(options: GroupCompilerOptions = {}) {
    this.faults = options.faults;
    this.platformsDir = options.platformsDir ?? defaultPlatformsDir();
    this.server = options.server ?? new NativeServer();
    this.recycleRssBytes = options.recycleRssBytes ?? DEFAULT_RECYCLE_RSS_BYTES;
  }

  /** A result per member of `group`, in its order; never throws for a compiler or server failure. */
  compile(group: CompileGroup): CompileResult[] {
    const started = performance.now();
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        this.faults?.beforeAttempt(group, () => this.server.killForTest());
        const results = this.compileOnce(group, started);
        if (this.server.rssBytes() > this.recycleRssBytes) this.server.close();
        return results;
      } catch (error) {
        const detail = (error as Error).message;
        if (error instanceof NativeCompilerMissingError) return this.failAll(group, started, detail);
        if (!isServerGone(error)) {
          this.server.close();
          const name = groupName(group);
          return this.failAll(group, started, `Internal compiler error while compiling ${name}: ${detail}`);
        }
        this.server.close(); // the next attempt starts a fresh server
        if (attempt === 1) continue;
        // The pipe error depends on when the server went (EPIPE on write, EOF on read): give the last one.
        return this.failAll(
          group,
          started,
          `The TypeScript compiler server stopped twice while compiling ${groupName(group)} (${detail})`,
        );
      }
    }
    throw new Error('unreachable');
  }

  /** Stops the native server. */
  close(): void {
    this.server.close();
  }

  private failAll(group: CompileGroup, started: number, message: string): CompileResult[] {
    let hashes: string[];
    try {
      hashes = computeGroupInputHashes(group, this.platformsDir);
    } catch {
      hashes = group.map(() => '');
    }
    return group.map((job, i) => failed(job, hashes[i] ?? '', [{ message }], started, group.length));
  }

  private compileOnce(group: CompileGroup, started: number): CompileResult[] {
    const hashes = computeGroupInputHashes(group, this.platformsDir);
    const names = group.map((job) => job.moduleName);
    const members = new Map(group.map((job) => [job.moduleName, job]));
    const diagnostics = new Map<string, CompileDiagnostic[]>(names.map((name) => [name, []]));
    const toAll = (diagnostic: CompileDiagnostic): void => {
      for (const list of diagnostics.values()) list.push(diagnostic);
    };
    const finish = (outputs?: Map<string, MemberOutput>): CompileResult[] =>
      group.map((job, i) => {
        const own = sortDiagnostics(diagnostics.get(job.moduleName)!);
        const out = own.length === 0 ? outputs?.get(job.moduleName) : undefined;
        if (!out) return failed(job, hashes[i]!, own, started, group.length);
        const declarations = sortKeys(out.declarations);
        return {
          moduleName: job.moduleName,
          platformVersion: job.platformVersion,
          inputHash: hashes[i]!,
          success: true,
          js: sortKeys(out.js),
          declarations,
          interfaceHash: hashFiles(declarations),
          diagnostics: [],
          durationMs: Math.round((performance.now() - started) / group.length),
        };
      });

    if (group.length === 0) return [];
    if (members.size !== group.length) {
      toAll({ message: `The cycle ${quoteNames(names)} names a module more than once` });
      return finish();
    }
    const versions = new Set(group.map((job) => job.platformVersion));
    if (versions.size > 1) {
      toAll({ message: `The cycle ${quoteNames(names)} mixes platform versions ${quoteNames([...versions])}` });
      return finish();
    }
    let info: PlatformVersionInfo;
    try {
      info = loadPlatformVersion(group[0]!.platformVersion, this.platformsDir);
    } catch (error) {
      for (const job of group) {
        diagnostics.get(job.moduleName)!.push({
          message: `Module '${job.moduleName}' can't be compiled: ${(error as Error).message}`,
        });
      }
      return finish();
    }

    // Outside producers are mounted once for the whole group, so every member sees the same declarations.
    const producers = new Map<string, ProducerInterface>();
    for (const job of group) {
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

    const files = new Map<string, string>();
    const rootFiles: string[] = [];
    const paths: Record<string, string[]> = {};
    for (const job of group) {
      const root = `${GROUP_ROOT}/${job.moduleName}`;
      for (const [key, text] of Object.entries(job.sources)) {
        if (!key.startsWith('src/') || !key.endsWith('.ts')) continue;
        files.set(`${root}/${key}`, text);
        rootFiles.push(`${root}/${key}`);
      }
      if (group.length > 1) {
        paths[`@modules/${job.moduleName}`] = [`${root}/src/index.ts`];
        paths[`@modules/${job.moduleName}/*`] = [`${root}/src/*`];
      }
    }
    for (const [name, producer] of producers) {
      for (const [rel, text] of Object.entries(producer.declarations))
        files.set(`${PRODUCERS_DIR}/${name}/${rel}`, text);
    }
    rootFiles.sort();

    const kind: ModuleKind = group.some((job) => job.kind === 'web' || job.kind === 'mobile') ? 'web' : 'service';
    this.settings ??= new PlatformSettings(this.server.nativeBinary.libDir);
    const settings = this.settings.forKind(info, kind);
    const base = this.server.base(settings, info.runtimeDts);
    const snapshot = base.update({
      fileSystem: createFileSystemLayer([...files]),
      createPrograms: [
        {
          rootFiles: settings.runtimeGlobals ? [GLOBALS_PATH, ...rootFiles] : rootFiles,
          compilerOptions: group.length > 1 ? { ...settings.options, paths } : settings.options,
        },
      ],
    });
    try {
      const program = snapshot.operation.createdPrograms[0] as Program;
      const view: GroupView = {
        members,
        files: new Set(files.keys()),
        allowedLibFiles: settings.allowedLibFiles,
        libraryNames: `${settings.libs.join(', ')}${settings.runtimeGlobals ? ' and the runtime globals' : ''}`,
      };
      const findings = new Map<string, RuleFindings>(
        names.map((name) => [name, { diagnostics: [], reported: new Set() }]),
      );
      for (const fileName of rootFiles) {
        const sf = program.getSourceFile(fileName);
        const owner = memberOf(fileName)!.name;
        if (sf) checkFile(sf, view, findings.get(owner)!);
      }
      for (const [name, found] of findings) diagnostics.get(name)!.push(...found.diagnostics);

      const report = (list: readonly Diagnostic[]): void => {
        for (const d of list) {
          if (d.category !== ERROR) continue;
          const owner = d.fileName ? memberOf(d.fileName) : undefined;
          const converted = toCompileDiagnostic(d, owner?.name);
          if (owner && members.has(owner.name)) {
            const key = `${converted.file}:${converted.line}:${converted.column}`;
            if (findings.get(owner.name)!.reported.has(key)) continue; // ours says it better
            diagnostics.get(owner.name)!.push(converted);
          } else {
            // Not in a member's file (options, globals, a producer's declarations): it concerns the whole group.
            toAll(converted);
          }
        }
      };
      report(program.getProgramDiagnostics());
      report(program.getGlobalDiagnostics());
      report(program.getSyntacticDiagnostics(rootFiles));
      report(program.getSemanticDiagnostics(rootFiles));
      if (names.every((name) => diagnostics.get(name)!.length > 0)) return finish();

      const emitted = program.emitToString();
      report(emitted.diagnostics);
      const outputs = new Map<string, MemberOutput>(names.map((name) => [name, { js: {}, declarations: {} }]));
      for (const [fileName, file] of emitted.outputFiles) {
        if (!fileName.startsWith(`${OUT_DIR}/`)) continue;
        const member = memberOf(`${GROUP_ROOT}/${fileName.slice(OUT_DIR.length + 1)}`);
        const out = member && outputs.get(member.name);
        if (!member || !out || !member.rel.startsWith('src/')) continue;
        if (member.rel.endsWith('.d.ts')) {
          out.declarations[member.rel.slice('src/'.length)] = rewriteMemberSpecifiers(file.text, fileName, members);
        } else if (member.rel.endsWith('.js')) out.js[member.rel] = file.text;
      }
      for (const job of group) {
        const out = outputs.get(job.moduleName)!;
        for (const [key, text] of Object.entries(job.sources)) {
          if (key.startsWith('src/') && key.endsWith('.d.ts')) out.declarations[key.slice('src/'.length)] = text;
        }
      }
      return finish(outputs);
    } finally {
      snapshot.dispose();
    }
  }
}

/**
 * Declaration output may name a type of another member by a relative path between the virtual
 * mounts ('../../B/src/index'), which means nothing outside this program: such specifiers become
 * '@modules/<B>', which is how consumers (and single compiles) see that member.
 */
function rewriteMemberSpecifiers(text: string, outFile: string, members: ReadonlyMap<string, CompileJob>): string {
  if (members.size < 2) return text;
  const from = memberOf(`${GROUP_ROOT}/${outFile.slice(OUT_DIR.length + 1)}`);
  return text.replace(/(["'])(\.\.?\/[^"'\n]*)\1/g, (whole, quote: string, spec: string) => {
    if (!from || !isRelative(spec)) return whole;
    const target = memberOf(posix.normalize(posix.join(posix.dirname(`${GROUP_ROOT}/${from.name}/${from.rel}`), spec)));
    if (!target || target.name === from.name || !members.has(target.name)) return whole;
    return `${quote}${memberSpecifier(target.name, target.rel)}${quote}`;
  });
}

function failed(
  job: CompileJob,
  inputHash: string,
  diagnostics: CompileDiagnostic[],
  started: number,
  groupSize: number,
): CompileResult {
  return {
    moduleName: job.moduleName,
    platformVersion: job.platformVersion,
    inputHash,
    success: false,
    js: {},
    declarations: {},
    interfaceHash: null,
    diagnostics,
    durationMs: Math.round((performance.now() - started) / Math.max(groupSize, 1)),
  };
}

/** "'A'" for a module, "the cycle 'A', 'B'" for a cycle. */
export function groupName(group: CompileGroup): string {
  return group.length === 1
    ? `'${group[0]!.moduleName}'`
    : `the cycle ${quoteNames(group.map((job) => job.moduleName))}`;
}

function quoteNames(names: string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}
