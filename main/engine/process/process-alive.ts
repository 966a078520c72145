import fs from 'node:fs';

/**
 * True while a process with this pid runs on this machine. Only "no such process"
 * means gone: a process we may not signal (another user's) is still alive. A
 * zombie (dead, not yet reaped: after a kill -9 where nothing reaps orphans, as in
 * containers without an init) is gone, and so is a pid now used by another process
 * when `startTime` (from `processStartTime`) is given and differs.
 */
export function isProcessAlive(pid: number, startTime: string | null = null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = readProcStat(pid);
  if (!stat) return true; // no /proc (macOS, Windows), or not readable: the signal's answer stands
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return startTime === null || stat.startTime === startTime;
}

/**
 * When the process started, as the kernel counts it (clock ticks since boot, from
 * /proc/<pid>/stat); with the pid it names one process, even after the pid is reused.
 * Null where there is no /proc.
 */
export function processStartTime(pid: number = process.pid): string | null {
  return readProcStat(pid)?.startTime ?? null;
}

/**
 * True when the process leads a session of its own (spawned detached: setsid), read from
 * /proc; false where there is no /proc.
 */
export function leadsOwnSession(pid: number): boolean {
  return readProcStat(pid)?.session === String(pid);
}

function readProcStat(pid: number): { state: string; session: string; startTime: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // Fields after comm start at field 3 (state); session is field 6, starttime field 22.
  const state = fields[0];
  const session = fields[6 - 3];
  const startTime = fields[22 - 3];
  return state && session && startTime ? { state, session, startTime } : null;
}
