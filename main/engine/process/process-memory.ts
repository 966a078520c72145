import fs from 'node:fs';

/** Reads VmRSS of a process from /proc (Linux); 0 where that is not available. */
export function processRssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The child processes of a process (a compiler worker's native server), from /proc; none where it is not available. */
export function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of a process and its children (a compiler worker and its native server), 0 where unknown. */
export function processTreeRssBytes(pid: number): number {
  return childPids(pid).reduce((total, child) => total + processRssBytes(child), processRssBytes(pid));
}
