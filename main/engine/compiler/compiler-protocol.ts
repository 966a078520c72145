import type { CompileJob, CompileResult } from './compile-types';

/** What a CompilerPool sends to a compiler worker. */
export type CompilerWorkerRequest = { type: 'compile'; id: number; job: CompileJob };

/** What a compiler worker sends back: 'ready' once after start-up, then one 'result' per request. */
export type CompilerWorkerReply = { type: 'ready' } | { type: 'result'; id: number; result: CompileResult };
