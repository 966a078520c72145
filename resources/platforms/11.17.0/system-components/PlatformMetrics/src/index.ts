import { featureFlags, log, metrics } from '@platform/runtime';

/** Counts an event when the 'platform-metrics' feature flag is on. */
export function countEvent(name: string, by = 1): boolean {
  if (!featureFlags.isEnabled('platform-metrics')) return false;
  metrics.increment(name, by);
  log(`metrics: ${name} +${by}`);
  return true;
}
