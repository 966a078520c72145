/** The benches' one way to time an upgrade's preparation step, so their figures measure the same span. */
import type { EngineContext } from '../main/engine/engine-context';
import { upgradeEnvironment } from '../main/engine/upgrade/upgrade-environment';

type UpgradeRun = NonNullable<Awaited<ReturnType<typeof upgradeEnvironment>>['run']>;

/** Upgrades an open environment to `target`: its run, and the preparation's wall time (from the version switch). */
export async function timedUpgrade(
  context: EngineContext,
  target: string,
): Promise<{ run: UpgradeRun; preparationMs: number }> {
  const started = Date.now();
  let switchedAt: number | null = null;
  const { run } = await upgradeEnvironment(context, {
    toVersion: target,
    onEvent: (event) => {
      if (event.type !== 'progress' || switchedAt !== null) return;
      if (event.progress.steps.some((step) => step.id === 'switch-version' && step.status === 'done'))
        switchedAt = Date.now();
    },
  });
  return { run: run!, preparationMs: Date.now() - (switchedAt ?? started) };
}
