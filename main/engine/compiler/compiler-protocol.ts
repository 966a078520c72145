import type { CompileJob, CompileResult } from './compile-types';

/** What a CompilerPool sends to a compiler worker: one module, or the members of one reference cycle. */
export type CompilerWorkerRequest =
  { type: 'compile'; id: number; job: CompileJob } | { type: 'compile-cycle'; id: number; jobs: CompileJob[] };

/** What a compiler worker sends back: 'ready' once after start-up, then one 'result' or 'cycle-result' per request. */
export type CompilerWorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: CompileResult }
  | { type: 'cycle-result'; id: number; results: CompileResult[] };
