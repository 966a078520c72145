import {
  UPGRADE_STEP_TITLES as TITLES,
  type RunKind,
  type UpgradeStep,
  type UpgradeStepId,
} from '../../../common/domain';

/** The steps of an upgrade, in order; the preparation step only for targets that need it. */
export function upgradeSteps(withPreparation: boolean): UpgradeStep[] {
  const ids: UpgradeStepId[] = ['backup', 'migrate', 'system-components', 'switch-version'];
  if (withPreparation) ids.push('prepare-modules');
  return ids.map((id) => ({ id, title: TITLES[id], status: 'pending', detail: null }));
}

/**
 * The steps shown for a run: an upgrade's (all but the last done), the preparation step alone
 * for a retry, or a readiness check's single step (it compiles like a preparation, prepares nothing).
 */
export function stepsForRun(kind: RunKind): UpgradeStep[] {
  if (kind === 'check')
    return [
      { id: 'prepare-modules', title: 'Check the modules against the new version', status: 'pending', detail: null },
    ];
  if (kind === 'prepare') return upgradeSteps(true).filter((step) => step.id === 'prepare-modules');
  return upgradeSteps(true).map((step) => (step.id === 'prepare-modules' ? step : { ...step, status: 'done' }));
}

/** Spec §4: an upgrade to 11.12.0 or later ends with a modules preparation. */
export const PREPARATION_FROM_VERSION = '11.12.0';
