import type { CompileGroup, CompileResult } from './compile-types';

/** What a CompilerPool sends to a compiler worker: one compile group (a module, or the members of one reference cycle). */
export type CompilerWorkerRequest = { type: 'compile'; id: number; group: CompileGroup };

/** What a compiler worker sends back: 'ready' once after start-up, then one 'result' (a result per member) per request. */
export type CompilerWorkerReply = { type: 'ready' } | { type: 'result'; id: number; results: CompileResult[] };
