import fs from 'node:fs';
import os from 'node:os';
import { leadsOwnSession } from './process-alive';

/**
 * The OS priority of compiler processes (nice: 19 is the lowest, 0 the default): batch work
 * that takes every idle core and yields at once to anything else that wants one — the
 * windows watching it, the service feeding it, the platform's running applications.
 */
export const BACKGROUND_NICE = 19;

/** What `moveToBackground` could change. */
export interface BackgroundOutcome {
  /** The process's own priority (os.setPriority). */
  nice: boolean;
  /** The priority of its Linux scheduling group (its session's autogroup). */
  group: boolean;
}

/**
 * Lowers a process's priority to `nice`. Where Linux groups processes by session for
 * scheduling (autogroups, on by default in most kernels), nice only ranks a process against
 * its own session: the compilers at nice 10 still took an even share against the browser's
 * session and a window's compositor waited 45–55 ms for a core. So a process leading a
 * session of its own (spawned detached) also gets its group lowered. Never a group the
 * process shares: that would lower its parent and everything beside it. A refusal (other
 * platforms, no autogroups, containers) leaves the process as it is.
 */
export function moveToBackground(pid: number, nice: number): BackgroundOutcome {
  const outcome: BackgroundOutcome = { nice: false, group: false };
  try {
    os.setPriority(pid, nice);
    outcome.nice = true;
  } catch {
    // Not permitted: the process keeps its priority.
  }
  if (process.platform === 'linux' && leadsOwnSession(pid)) {
    try {
      fs.writeFileSync(`/proc/${pid}/autogroup`, String(nice));
      outcome.group = true;
    } catch {
      // A kernel without autogroups has no such file.
    }
  }
  return outcome;
}
