import { useEffect, useState } from 'react';
import { isRunActive, usePreparationStore } from '../stores/preparation-store';

/** Elapsed time of the run, ticking locally each second between progress events. */
export function useElapsedMs(): number {
  const elapsedMs = usePreparationStore((s) => s.progress?.elapsedMs ?? 0);
  const receivedAt = usePreparationStore((s) => s.receivedAt);
  const active = usePreparationStore((s) => isRunActive(s.progress));
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return active ? elapsedMs + Math.max(0, now - receivedAt) : elapsedMs;
}
