import { create } from 'zustand';
import type { LogLine, PreparationProgress } from '../../../common/domain';

/** Keeps the in-memory log bounded however long the run. */
export const LOG_CAP = 5000;

/** A log line with a stable key, so trimming the head does not re-render every line. */
export interface LogEntry extends LogLine {
  seq: number;
}

/** Live state of the current (or latest) preparation run. */
export interface PreparationState {
  progress: PreparationProgress | null;
  /** performance.now() when `progress` arrived, to tick the elapsed time locally between events. */
  receivedAt: number;
  log: LogEntry[];
  nextSeq: number;
}

/** Preparation store: progress and log, fed by host events. */
export const usePreparationStore = create<PreparationState>(() => ({
  progress: null,
  receivedAt: 0,
  log: [],
  nextSeq: 1,
}));

/** Replaces the progress snapshot. */
export function setProgress(progress: PreparationProgress | null): void {
  usePreparationStore.setState({ progress, receivedAt: performance.now() });
}

/** Appends new log lines, dropping the oldest beyond LOG_CAP. */
export function appendLog(lines: LogLine[]): void {
  if (lines.length === 0) return;
  usePreparationStore.setState((state) => {
    let seq = state.nextSeq;
    const added = lines.map((line) => ({ ...line, seq: seq++ }));
    const merged = state.log.concat(added);
    return { log: merged.length > LOG_CAP ? merged.slice(merged.length - LOG_CAP) : merged, nextSeq: seq };
  });
}

/** Replaces the log (after a reload or a reconnect, when the host's tail is the truth). */
export function replaceLog(lines: LogLine[]): void {
  usePreparationStore.setState((state) => {
    let seq = state.nextSeq;
    const tail = lines.slice(-LOG_CAP).map((line) => ({ ...line, seq: seq++ }));
    return { log: tail, nextSeq: seq };
  });
}

/** True while an upgrade or a preparation is in progress. */
export function isRunActive(progress: PreparationProgress | null): boolean {
  return progress !== null && (progress.status === 'running' || progress.status === 'upgrading');
}
