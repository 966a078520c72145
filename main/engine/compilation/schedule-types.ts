import type { ModuleError, ModuleKind } from '../../../common/domain';
import type { CompileGroup, CompileResult, GroupOutcome, ProducerInterface } from '../compiler/compile-types';
import type { SharedCacheOrigin } from '../shared-cache/shared-cache-types';
import type { GraphNode } from './dependency-graph';
import type { ScheduleSharedCache } from './shared-cache-dispatch';

/** One module version to compile in a batch. */
export interface CompileUnit extends GraphNode {
  moduleVersionId: number;
}

/** A producer outside the batch: its interface for the batch's platform version, and its own references. */
export type ExternalProducer = { interface: ProducerInterface; references: string[] } | { missing: string };

/** A stored compilation a schedule may take instead of compiling (same inputs, same outcome). */
export type ReusableCompilation =
  | { artifactId: number; producerInterface: ProducerInterface; durationMs: number }
  | { artifactId: number; errors: ModuleError[]; durationMs: number };

/**
 * What became of a unit. `compiled` is false when a stored compilation with the same inputs was reused;
 * `sharedOrigin` says where one taken from the shared compilation cache came from.
 */
export type UnitOutcome =
  | {
      status: 'prepared';
      artifactId: number;
      producerInterface: ProducerInterface;
      durationMs: number;
      compiled: boolean;
      sharedOrigin?: SharedCacheOrigin;
    }
  | {
      status: 'failed';
      artifactId: number | null;
      errors: ModuleError[];
      durationMs: number;
      compiled: boolean;
      sharedOrigin?: SharedCacheOrigin;
    }
  | { status: 'skipped'; errors: ModuleError[] };

/** Anything that compiles compile groups: the worker pool, in practice. `onStarted` runs when compiling really begins. */
export interface JobCompiler {
  compile(group: CompileGroup, onStarted?: () => void): Promise<GroupOutcome>;
}

/** What a compilation's identity needs of a module version besides its references (see computeInputHash). */
export interface ModuleInput {
  kind: ModuleKind;
  /** The digest of the version's sources (hashSources): stored with the version, so reuse never reads them. */
  sourceHash: string;
}

export interface ScheduleOptions {
  units: readonly CompileUnit[];
  platformVersion: string;
  compiler: JobCompiler;
  /** Jobs handed to the compiler at once: more than its workers, so a worker never waits for the next job. */
  concurrency: number;
  /** The kind and source digest of a module version. */
  loadModule(moduleVersionId: number): ModuleInput;
  /** The source files of a module version, read only when it is compiled. */
  loadSources(moduleVersionId: number): Record<string, string>;
  externalProducer(name: string): ExternalProducer;
  /**
   * A stored compilation with exactly these inputs, to reuse instead of compiling: a successful
   * one, or (when the caller accepts it, a readiness check's) a failed one with its errors. Absent
   * when nothing stored can match (an import fills a new database): inputs are then not hashed here.
   */
  findReusable?(unit: CompileUnit, inputHash: string): ReusableCompilation | null;
  /** Persists a compiler result; returns the artifact id. */
  saveResult(unit: CompileUnit, result: CompileResult): number;
  onStart?(unit: CompileUnit): void;
  /** Called once per unit, in completion order; persist here: it runs before anything else is reported. */
  onFinish(unit: CompileUnit, outcome: UnitOutcome): void;
  /** Checked between dispatches; when true, nothing new starts and the schedule ends after the in-flight ones. */
  shouldStop?(): boolean;
  /**
   * Which ready node goes first: the longest chain of waiting consumers (default), or the node that most
   * modules of the batch consume, directly or transitively (the progressive preparation, spec §4a).
   */
  order?: 'longest-chain' | 'most-consumed';
  /**
   * Called when a node is about to be handed to the compiler. Returning outcomes finishes the node with them
   * instead of compiling it (a module published, or deleted, while the run went on); null compiles it.
   */
  onDispatch?(members: readonly CompileUnit[]): Map<string, UnitOutcome> | null;
  /**
   * The producer's newest compilation for the batch's platform version, read when a consumer starts; null
   * falls back to the batch's own outcome. A progressive preparation compiles against what was published
   * during the run.
   */
  newestProducer?(name: string): ExternalProducer | null;
  /**
   * Runs the dispatch of ready nodes, and the finish of those that need no compiler (reused stored
   * compilations, skipped, settled by onDispatch), as one batch: the caller's transaction, which may hold
   * back what it reports until the batch is written. A compiled node's results (saveResult), its finish and
   * the dispatch that follows are one batch too, so a batch may start inside another: it is part of it.
   * Just runs it when absent.
   */
  batch?<T>(work: () => T): T;
  /** Read before each dispatch when given: the number of jobs to keep in flight now (a setting applied mid-run). */
  currentConcurrency?(): number;
  /** The shared compilation cache (spec §4d): asked before compiling, offered what was compiled. Absent when off. */
  sharedCache?: ScheduleSharedCache;
  /**
   * A compiler that takes several modules to a request (CompilerPool with batches): while at least
   * `whenWaiting` nodes are ready or in flight, up to `inFlight` are handed to it (more than
   * `concurrency`), so its requests fill; with fewer, `concurrency` keeps groups small. Read before each dispatch.
   */
  batching?(): { inFlight: number; whenWaiting: number };
}
