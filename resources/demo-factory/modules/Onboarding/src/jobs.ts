import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadOnboardingTasks } from './records';
import { type OnboardingTask, ONBOARDING_ENTITY } from './types';

/** Registers the periodic refresh of Onboarding. */
export function startOnboardingJobs(): void {
  setTimer('Onboarding.refresh', 300000, async () => {
    const records = await loadOnboardingTasks();
    log('Onboarding: refreshed ' + records.length + ' Onboarding Task records');
  });
}

/** Stores a Onboarding Task; resolves to its id. */
export async function saveOnboardingTask(value: OnboardingTask): Promise<number> {
  const id = await saveEntity(ONBOARDING_ENTITY, { ...value });
  log('Onboarding: saved Onboarding Task ' + id);
  return id;
}
