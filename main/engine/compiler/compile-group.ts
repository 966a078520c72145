import { createFileSystemLayer } from 'typescript-native/fs';
import type { SourceFile } from 'typescript-native/ast';
import type { Diagnostic, Program } from 'typescript-native/sync';
import type { ModuleKind } from '../../../common/domain';
import { defaultPlatformsDir, loadPlatformVersion, type PlatformVersionInfo } from '../platform/platform-versions';
import type { CompileDiagnostic, CompileGroup, CompileJob, CompileResult, ProducerInterface } from './compile-types';
import { isRelative, memberOf, memberSpecifier, sortDiagnostics, sortKeys, toCompileDiagnostic } from './group-paths';
import { checkFile, type GroupView, type RuleFindings } from './import-rules';
import { passesImportRulesAsText } from './import-screen';
import { computeGroupInputHashes, hashFiles } from './input-hash';
import { NativeCompilerMissingError } from './native-binary';
import { isServerGone, NativeServer } from './native-server';
import { GLOBALS_PATH, GROUP_ROOT, OUT_DIR, PlatformSettings, PRODUCERS_DIR } from './platform-libs';
import { NotBatchableError, planBatches, type CompilePhases } from './compile-batch';
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

/** What the import rules need of the platform's settings for the group's kind. */
type RuleSettings = { allowedLibFiles: ReadonlySet<string>; libs: string[]; runtimeGlobals: boolean };

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

  /** Time spent in the native server since the compiler was made, by phase (for the benchmark's split). */
  readonly phases: CompilePhases = { setupMs: 0, checkMs: 0, emitMs: 0, programs: 0 };

  /** A result per member of `group`, in its order; never throws for a compiler or server failure. */
  compile(group: CompileGroup): CompileResult[] {
    return this.compileAttempts(group, 1);
  }

  /**
   * Several compile groups in one request, a result list per group in their order. The single modules
   * that can share a program (compile-batch.ts) compile in one: libraries, platform declarations and
   * runtime globals bound once, each module under its own root with its producers' declarations under
   * its own paths, its own diagnostics and emit. The others compile alone. When the server dies during
   * a shared program, each of its modules is compiled once more on its own.
   */
  compileMany(groups: readonly CompileGroup[]): CompileResult[][] {
    const results: CompileResult[][] = new Array<CompileResult[]>(groups.length);
    for (const part of planBatches(groups)) {
      if (part.length === 1) {
        results[part[0]!] = this.compile(groups[part[0]!]!);
        continue;
      }
      const out = this.compileBatch(part.map((index) => groups[index]!));
      part.forEach((index, k) => (results[index] = out[k]!));
    }
    return results;
  }

  private compileBatch(groups: CompileGroup[]): CompileResult[][] {
    const started = performance.now();
    try {
      for (const group of groups) this.faults?.beforeAttempt(group, () => this.server.killForTest());
      const results = this.compileProgram(groups, started);
      if (this.server.rssBytes() > this.recycleRssBytes) this.server.close();
      return results;
    } catch (error) {
      if (error instanceof NativeCompilerMissingError)
        return groups.map((group) => this.failAll(group, started, (error as Error).message));
      if (error instanceof NotBatchableError) {
        // A module whose files are scripts (global declarations) compiles alone; the others share a program again.
        const alone = groups.filter((group) => error.modules.has(group[0]!.moduleName));
        const rest = groups.filter((group) => !error.modules.has(group[0]!.moduleName));
        const results = new Map<CompileGroup, CompileResult[]>(alone.map((group) => [group, this.compile(group)]));
        const shared = rest.length > 1 ? this.compileBatch(rest) : rest.map((group) => this.compile(group));
        rest.forEach((group, index) => results.set(group, shared[index]!));
        return groups.map((group) => results.get(group)!);
      }
      this.server.close();
      // Each module once more, alone: its second attempt when the server died, a first one after a compiler error.
      return groups.map((group) => this.compileAttempts(group, isServerGone(error) ? 2 : 1));
    }
  }

  private compileAttempts(group: CompileGroup, firstAttempt: number): CompileResult[] {
    const started = performance.now();
    for (let attempt = firstAttempt; attempt <= 2; attempt++) {
      try {
        this.faults?.beforeAttempt(group, () => this.server.killForTest());
        const results = this.compileProgram([group], started)[0]!;
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

  /**
   * Compiles compile groups in one program: one group (a module or a cycle, its producers mounted once
   * for all its members), or several single modules (a batch: each with its producers under its own root).
   */
  private compileProgram(units: CompileGroup[], started: number): CompileResult[][] {
    const state = new ProgramState(units, started, this.platformsDir);
    if (state.jobs.length === 0) return units.map(() => []);
    const info = state.validate();
    if (!info) return state.finish();
    const mounted = state.mount();
    const kind: ModuleKind = state.jobs.some((job) => job.kind === 'web' || job.kind === 'mobile') ? 'web' : 'service';
    this.settings ??= new PlatformSettings(this.server.nativeBinary.libDir);
    const settings = this.settings.forKind(info, kind);
    let mark = performance.now();
    const base = this.server.base(settings, info.runtimeDts);
    const snapshot = base.update({
      fileSystem: createFileSystemLayer([...mounted.files]),
      createPrograms: [
        {
          rootFiles: settings.runtimeGlobals ? [GLOBALS_PATH, ...mounted.rootFiles] : mounted.rootFiles,
          compilerOptions: mounted.paths ? { ...settings.options, paths: mounted.paths } : settings.options,
        },
      ],
    });
    try {
      const program = snapshot.operation.createdPrograms[0] as Program;
      const sourceFiles = state.syntaxTrees(program, mounted, settings);
      if (state.batched) state.requireModules(sourceFiles);
      this.phases.programs++;
      this.phases.setupMs += performance.now() - mark;
      mark = performance.now();
      state.check(program, mounted, settings, sourceFiles);
      this.phases.checkMs += performance.now() - mark;
      if (state.jobs.every((job) => state.diagnostics.get(job.moduleName)!.length > 0)) return state.finish();
      mark = performance.now();
      const emitted = program.emitToString();
      this.phases.emitMs += performance.now() - mark;
      return state.finish(state.outputs(emitted));
    } finally {
      snapshot.dispose();
    }
  }
}

/** What the compilation of one program knows: its units, their members, diagnostics and hashes. */
class ProgramState {
  readonly batched: boolean;
  readonly jobs: CompileJob[];
  /** Every member of the program by name; in a batch each is a unit of its own. */
  readonly members: Map<string, CompileJob>;
  readonly diagnostics: Map<string, CompileDiagnostic[]>;
  private readonly hashes: string[][];
  /** The members a member's compilation sees as such (its cycle), by member name. */
  private readonly unitMembers = new Map<string, ReadonlyMap<string, CompileJob>>();
  private findings = new Map<string, RuleFindings>();

  constructor(
    private readonly units: CompileGroup[],
    private readonly started: number,
    private readonly platformsDir: string,
  ) {
    this.batched = units.length > 1;
    this.jobs = units.flat();
    this.members = new Map(this.jobs.map((job) => [job.moduleName, job]));
    this.diagnostics = new Map(this.jobs.map((job) => [job.moduleName, []]));
    this.hashes = units.map((unit) => computeGroupInputHashes(unit, platformsDir));
    for (const unit of units) {
      const own = new Map(unit.map((job) => [job.moduleName, job]));
      for (const job of unit) this.unitMembers.set(job.moduleName, own);
    }
  }

  toAll(diagnostic: CompileDiagnostic): void {
    for (const list of this.diagnostics.values()) list.push(diagnostic);
  }

  /** The platform version's files, or undefined (with every member's diagnostic) when the group can't compile. */
  validate(): PlatformVersionInfo | undefined {
    const names = this.jobs.map((job) => job.moduleName);
    if (this.members.size !== this.jobs.length) {
      this.toAll({ message: `The cycle ${quoteNames(names)} names a module more than once` });
      return undefined;
    }
    const versions = new Set(this.jobs.map((job) => job.platformVersion));
    if (versions.size > 1) {
      this.toAll({ message: `The cycle ${quoteNames(names)} mixes platform versions ${quoteNames([...versions])}` });
      return undefined;
    }
    try {
      return loadPlatformVersion(this.jobs[0]!.platformVersion, this.platformsDir);
    } catch (error) {
      for (const job of this.jobs) {
        this.diagnostics.get(job.moduleName)!.push({
          message: `Module '${job.moduleName}' can't be compiled: ${(error as Error).message}`,
        });
      }
      return undefined;
    }
  }

  /** The program's files: members' sources, and the producers' declarations each member sees. */
  mount(): { files: Map<string, string>; rootFiles: string[]; paths?: Record<string, string[]> } {
    const names = this.jobs.map((job) => job.moduleName);
    // A group's outside producers are mounted once for it, so every member sees the same declarations.
    // A batch mounts them once too: a batch-mate names only its own producers (compile-batch.ts).
    const shared = new Map<string, ProducerInterface>();
    const conflicts = new Set<string>();
    const files = new Map<string, string>();
    for (const job of this.jobs) {
      const own = this.diagnostics.get(job.moduleName)!;
      if (job.sources['src/index.ts'] === undefined) {
        own.push({
          message: `Module '${job.moduleName}' has no entry point: src/index.ts is missing`,
          file: 'src/index.ts',
        });
      }
      const siblings = this.unitMembers.get(job.moduleName)!;
      for (const ref of job.references) {
        if (!siblings.has(ref) && !job.producers[ref]) {
          own.push({
            message: `Producer '${ref}' is listed in the references of '${job.moduleName}' but has no compiled interface for platform ${job.platformVersion}`,
          });
        }
      }
      for (const [name, producer] of Object.entries(job.producers)) {
        if (siblings.has(name)) continue; // compiled from source here
        const mounted = shared.get(name);
        if (!mounted) shared.set(name, producer);
        else if (mounted.interfaceHash !== producer.interfaceHash && this.batched) {
          // Batch-mates see one mount of a producer: one given another interface of it compiles alone.
          conflicts.add(job.moduleName);
        } else if (mounted.interfaceHash !== producer.interfaceHash) {
          own.push({
            message: `Producer '${name}' of '${job.moduleName}' differs from the one given to the other modules of the cycle ${quoteNames(names)}`,
          });
        }
      }
    }
    const rootFiles: string[] = [];
    const paths: Record<string, string[]> = {};
    for (const job of this.jobs) {
      const root = `${GROUP_ROOT}/${job.moduleName}`;
      for (const [key, text] of Object.entries(job.sources)) {
        if (!key.startsWith('src/') || !key.endsWith('.ts')) continue;
        files.set(`${root}/${key}`, text);
        rootFiles.push(`${root}/${key}`);
      }
      if (this.unitMembers.get(job.moduleName)!.size > 1) {
        paths[`@modules/${job.moduleName}`] = [`${root}/src/index.ts`];
        paths[`@modules/${job.moduleName}/*`] = [`${root}/src/*`];
      }
    }
    for (const [name, producer] of shared) {
      for (const [rel, text] of Object.entries(producer.declarations))
        files.set(`${PRODUCERS_DIR}/${name}/${rel}`, text);
    }
    if (conflicts.size > 0) throw new NotBatchableError(conflicts);
    rootFiles.sort();
    return { files, rootFiles, paths: Object.keys(paths).length > 0 ? paths : undefined };
  }

  /**
   * A batch shares one program: a file that is a script (not a module) declares globals its batch-mates
   * would see. Such modules compile alone (NotBatchableError), so every module sees what it would alone.
   * (Producers' declarations were screened as text: compile-batch.ts.)
   */
  requireModules(sourceFiles: ReadonlyMap<string, SourceFile | 'passes' | undefined>): void {
    const scripts = new Set<string>();
    for (const [fileName, sf] of sourceFiles) {
      if (sf && sf !== 'passes' && !sf.externalModuleIndicator) scripts.add(memberOf(fileName)!.name);
    }
    if (scripts.size > 0) throw new NotBatchableError(scripts);
  }

  /** What the import rules know of the program, as seen from the member that owns `fileName`. */
  private groupView(fileName: string, files: ReadonlySet<string>, settings: RuleSettings): GroupView {
    return {
      members: this.unitMembers.get(memberOf(fileName)!.name)!,
      files,
      allowedLibFiles: settings.allowedLibFiles,
      libraryNames: `${settings.libs.join(', ')}${settings.runtimeGlobals ? ' and the runtime globals' : ''}`,
    };
  }

  /**
   * The syntax trees the import rules must read, by root file: a tree crosses the pipe from the server
   * only for a file whose text does not plainly pass them (import-screen.ts); the others map to
   * `'passes'` (in a batch, also known to be modules).
   */
  syntaxTrees(
    program: Program,
    mounted: { files: Map<string, string>; rootFiles: string[] },
    settings: RuleSettings,
  ): Map<string, SourceFile | 'passes' | undefined> {
    const files = new Set(mounted.files.keys());
    return new Map(
      mounted.rootFiles.map((fileName) => {
        const view = this.groupView(fileName, files, settings);
        const plain = passesImportRulesAsText(mounted.files.get(fileName)!, fileName, view, this.batched);
        return [fileName, plain ? 'passes' : program.getSourceFile(fileName)];
      }),
    );
  }

  /** The import rules and the compiler's diagnostics, each to the member it concerns. */
  check(
    program: Program,
    mounted: { files: Map<string, string>; rootFiles: string[] },
    settings: RuleSettings,
    sourceFiles: ReadonlyMap<string, SourceFile | 'passes' | undefined>,
  ): void {
    const files = new Set(mounted.files.keys());
    this.findings = new Map(this.jobs.map((job) => [job.moduleName, { diagnostics: [], reported: new Set() }]));
    for (const [fileName, sf] of sourceFiles) {
      if (sf && sf !== 'passes')
        checkFile(sf, this.groupView(fileName, files, settings), this.findings.get(memberOf(fileName)!.name)!);
    }
    for (const [name, found] of this.findings) this.diagnostics.get(name)!.push(...found.diagnostics);
    this.report(program.getProgramDiagnostics());
    this.report(program.getGlobalDiagnostics());
    this.report(program.getSyntacticDiagnostics(mounted.rootFiles));
    this.report(program.getSemanticDiagnostics(mounted.rootFiles));
  }

  /** Errors to the member whose file they are in; the others (options, globals, a group's producers) to all. */
  report(list: readonly Diagnostic[]): void {
    for (const d of list) {
      if (d.category !== ERROR) continue;
      const owner = d.fileName ? memberOf(d.fileName) : undefined;
      const converted = toCompileDiagnostic(d, owner?.name);
      if (owner && this.members.has(owner.name)) {
        const key = `${converted.file}:${converted.line}:${converted.column}`;
        if (this.findings.get(owner.name)!.reported.has(key)) continue; // ours says it better
        this.diagnostics.get(owner.name)!.push(converted);
      } else if (this.batched && d.fileName) {
        // In a producer's declarations shared by a batch: whose is it? Each module alone says.
        throw new NotBatchableError(new Set(this.members.keys()));
      } else {
        // Not in a member's file (options, globals, a producer's declarations): it concerns the whole group.
        this.toAll(converted);
      }
    }
  }

  /** Each member's emitted JS and declarations (and the declaration files of its sources). */
  outputs(emitted: ReturnType<Program['emitToString']>): Map<string, MemberOutput> {
    this.report(emitted.diagnostics);
    const outputs = new Map<string, MemberOutput>(
      this.jobs.map((job) => [job.moduleName, { js: {}, declarations: {} }]),
    );
    for (const [fileName, file] of emitted.outputFiles) {
      if (!fileName.startsWith(`${OUT_DIR}/`)) continue;
      const member = memberOf(`${GROUP_ROOT}/${fileName.slice(OUT_DIR.length + 1)}`);
      const out = member && outputs.get(member.name);
      if (!member || !out || !member.rel.startsWith('src/')) continue;
      if (member.rel.endsWith('.d.ts')) {
        const siblings = this.unitMembers.get(member.name)!;
        out.declarations[member.rel.slice('src/'.length)] = rewriteMemberSpecifiers(file.text, fileName, siblings);
      } else if (member.rel.endsWith('.js')) out.js[member.rel] = file.text;
    }
    for (const job of this.jobs) {
      const out = outputs.get(job.moduleName)!;
      for (const [key, text] of Object.entries(job.sources)) {
        if (key.startsWith('src/') && key.endsWith('.d.ts')) out.declarations[key.slice('src/'.length)] = text;
      }
    }
    return outputs;
  }

  /** A result per member of each unit, in their order: prepared with its outputs when it has no errors. */
  finish(outputs?: Map<string, MemberOutput>): CompileResult[][] {
    const count = this.jobs.length;
    return this.units.map((unit, u) =>
      unit.map((job, i) => {
        const own = sortDiagnostics(this.diagnostics.get(job.moduleName)!);
        const out = own.length === 0 ? outputs?.get(job.moduleName) : undefined;
        if (!out) return failed(job, this.hashes[u]![i]!, own, this.started, count);
        const declarations = sortKeys(out.declarations);
        return {
          moduleName: job.moduleName,
          platformVersion: job.platformVersion,
          inputHash: this.hashes[u]![i]!,
          success: true,
          js: sortKeys(out.js),
          declarations,
          interfaceHash: hashFiles(declarations),
          diagnostics: [],
          durationMs: Math.round((performance.now() - this.started) / count),
        };
      }),
    );
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
