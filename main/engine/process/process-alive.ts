/**
 * True while a process with this pid runs on this machine. Only "no such process"
 * means gone: a process we may not signal (another user's) is still alive.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
