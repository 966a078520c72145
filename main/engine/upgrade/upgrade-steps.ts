import { UPGRADE_STEP_TITLES as TITLES, type UpgradeStep, type UpgradeStepId } from '../../../common/domain';

/** The steps of an upgrade, in order; the preparation step only for targets that need it. */
export function upgradeSteps(withPreparation: boolean): UpgradeStep[] {
  const ids: UpgradeStepId[] = ['backup', 'migrate', 'system-components', 'switch-version'];
  if (withPreparation) ids.push('prepare-modules');
  return ids.map((id) => ({ id, title: TITLES[id], status: 'pending', detail: null }));
}

/** The steps shown for a run: an upgrade's (all but the last done), or the preparation step alone for a retry. */
export function stepsForRun(kind: 'upgrade' | 'retry'): UpgradeStep[] {
  if (kind === 'retry') return upgradeSteps(true).filter((step) => step.id === 'prepare-modules');
  return upgradeSteps(true).map((step) => (step.id === 'prepare-modules' ? step : { ...step, status: 'done' }));
}

/** Spec §4: an upgrade to 11.12.0 or later ends with a modules preparation. */
export const PREPARATION_FROM_VERSION = '11.12.0';
