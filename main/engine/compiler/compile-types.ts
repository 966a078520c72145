import type { ModuleKind } from '../../../common/domain';

/** The compiled public interface of a producer module: its declaration output. */
export interface ProducerInterface {
  interfaceHash: string;
  /** Keys relative to the producer's src/, e.g. 'index.d.ts', 'model/order.d.ts'. */
  declarations: Record<string, string>;
}

/** One module to compile for one platform version. */
export interface CompileJob {
  moduleName: string;
  /** Decides the libraries: `web` and `mobile` compile with the DOM, the others with the runtime globals. */
  kind: ModuleKind;
  platformVersion: string;
  /** Keys relative to the module root, e.g. 'src/index.ts', 'src/model/order.ts'. */
  sources: Record<string, string>;
  /** Producer names from the manifest. */
  references: string[];
  /** The compiled interfaces of `references` (transitive producers may be added too) for the same platform version. */
  producers: Record<string, ProducerInterface>;
}

/** A compiler error; `file` is relative to the module root, line and column are 1-based. */
export interface CompileDiagnostic {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** What compiling one module produced. */
export interface CompileResult {
  moduleName: string;
  platformVersion: string;
  /** See computeInputHash: equal hashes mean equal results. */
  inputHash: string;
  success: boolean;
  /** 'src/index.js' -> text; empty when !success. */
  js: Record<string, string>;
  /** Relative to src/: 'index.d.ts' -> text; empty when !success. */
  declarations: Record<string, string>;
  /** sha256 of the declarations (sorted keys); null when !success. */
  interfaceHash: string | null;
  diagnostics: CompileDiagnostic[];
  durationMs: number;
}

/**
 * What the compiler is asked to compile at once: one module, or the members of one reference
 * cycle (they import each other's sources and are compiled in one program).
 */
export type CompileGroup = CompileJob[];

/** What became of a compile group: a result per member (in the group's order), or why its compiler process failed. */
export type GroupOutcome =
  { kind: 'compiled'; results: CompileResult[] } | { kind: 'process-failed'; reason: string; attempts: number };
