import type { CompilePhases } from './compile-batch';
import type { CompileGroup, CompileResult } from './compile-types';

/**
 * What a CompilerPool sends to a compiler worker: compile groups (a module, or the members of one
 * reference cycle); several single modules in one request compile in one program where they can.
 */
export type CompilerWorkerRequest = { type: 'compile'; id: number; groups: CompileGroup[] };

/**
 * What a compiler worker sends back: 'ready' once after start-up, then one 'result' per request (a
 * result list per group, in order) with the native server's time on it by phase.
 */
export type CompilerWorkerReply =
  { type: 'ready' } | { type: 'result'; id: number; results: CompileResult[][]; phases: CompilePhases };
