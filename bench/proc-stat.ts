/**
 * CPU time of processes from /proc (Linux): what `npm run bench:ui` uses to say how
 * much each process of a run cost, browsers' renderers included.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux the tool targets). */
const TICKS_PER_SECOND = 100;

/** One process as /proc shows it now. */
export interface ProcessSample {
  pid: number;
  ppid: number;
  /** Its command line, arguments joined by spaces. */
  command: string;
  /** User + system CPU of the process itself, in ms. */
  cpuMs: number;
  /** User + system CPU of its children that exited and were waited for, in ms. */
  exitedChildrenCpuMs: number;
}

/** Reads one process; null when it is gone (or this is not Linux). */
export function readProcess(pid: number): ProcessSample | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (index: number) => Number(fields[index]);
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return {
      pid,
      ppid: ticks(1),
      command,
      cpuMs: ((ticks(11) + ticks(12)) * 1000) / TICKS_PER_SECOND,
      exitedChildrenCpuMs: ((ticks(13) + ticks(14)) * 1000) / TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

/** Every process that descends from `rootPid` (itself included), by pid. */
export function processTree(rootPid: number): Map<number, ProcessSample> {
  const all = new Map<number, ProcessSample>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const sample = readProcess(Number(entry));
    if (sample) all.set(sample.pid, sample);
  }
  const tree = new Map<number, ProcessSample>();
  for (const sample of all.values()) {
    for (let current: ProcessSample | undefined = sample; current; current = all.get(current.ppid)) {
      if (current.pid === rootPid) {
        tree.set(sample.pid, sample);
        break;
      }
      if (current.ppid === current.pid || current.ppid === 0) break;
    }
  }
  return tree;
}

/**
 * Follows the CPU of a process tree over a run: samples it now and then, keeps each
 * process's latest figure (a process that exits keeps its last one; one that a parent
 * waits for is also counted in the parent's exited-children time, which `sum` can use).
 */
export class CpuWatch {
  private readonly first = new Map<number, ProcessSample>();
  private readonly latest = new Map<number, ProcessSample>();
  private alive = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly rootPid: number) {}

  start(intervalMs = 250): void {
    this.sample();
    for (const [pid, sample] of this.latest) this.first.set(pid, sample);
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The processes seen, with the CPU each used since `start` (ms) and whether it still ran at `stop`. */
  used(): { sample: ProcessSample; cpuMs: number; exitedChildrenCpuMs: number; alive: boolean }[] {
    return [...this.latest.values()].map((sample) => {
      const before = this.first.get(sample.pid);
      return {
        sample,
        alive: this.alive.has(sample.pid),
        cpuMs: sample.cpuMs - (before?.cpuMs ?? 0),
        exitedChildrenCpuMs: sample.exitedChildrenCpuMs - (before?.exitedChildrenCpuMs ?? 0),
      };
    });
  }

  private sample(): void {
    const tree = processTree(this.rootPid);
    for (const [pid, sample] of tree) {
      // An exited process not yet waited for (a zombie) has lost its command line: keep the one seen before.
      const before = this.latest.get(pid);
      this.latest.set(pid, sample.command === '' && before ? { ...sample, command: before.command } : sample);
    }
    this.alive = new Set(tree.keys());
  }
}
