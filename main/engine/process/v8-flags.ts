/** V8 without its helper threads: garbage collection and JIT happen on the process's own thread. */
export const SINGLE_THREADED_V8_FLAG = '--single-threaded';
