/**
 * The renderer's check of a progress update (common/contract.ts, ProgressUpdate): its
 * envelope only. The payload comes from the window's own host, which builds it from the
 * typed contract, so the window does not re-validate every line and row with zod: that
 * kept zod (and its schema building) in the renderer's start-up, before the Modules
 * list's first rows, and cost each update a copy of what it carries. What the window
 * relies on to apply an update (numbers, arrays) is checked; anything else is null and
 * the window asks for the full state, as with a failed parse.
 */
import type { ProgressUpdate } from './contract';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The update when `payload` has a progress update's shape, else null. */
export function asProgressUpdate(payload: unknown): ProgressUpdate | null {
  if (!isRecord(payload)) return null;
  const { full, workId, seq, progress, log, modules } = payload;
  if (typeof full !== 'boolean' || !isCount(workId) || !isCount(seq)) return null;
  if (progress !== null && !(isRecord(progress) && isRecord(progress.counts) && Array.isArray(progress.steps)))
    return null;
  if (!isRecord(log) || !isCount(log.from) || !Array.isArray(log.lines)) return null;
  if (!Array.isArray(modules)) return null;
  return payload as unknown as ProgressUpdate;
}
