import { useEffect, useState } from 'react';
import { isRunActive, usePreparationStore } from '../stores/preparation-store';

/** The clock moves on its own after this long without a progress update. */
const TICK_MS = 1000;

/**
 * Elapsed time of the run. Progress updates (a few a second while modules finish) carry it;
 * the clock ticks locally only when they pause, so a window renders (and paints) once per
 * update instead of once more each second beside them.
 */
export function useElapsedMs(): number {
  const elapsedMs = usePreparationStore((s) => s.progress?.elapsedMs ?? 0);
  const receivedAt = usePreparationStore((s) => s.receivedAt);
  const active = usePreparationStore((s) => isRunActive(s.progress));
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setNow(performance.now()), TICK_MS);
    return () => clearTimeout(timer);
  }, [active, receivedAt, now]);
  return active ? elapsedMs + Math.max(0, now - receivedAt) : elapsedMs;
}
