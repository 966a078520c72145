import { log } from '@platform/runtime';
import { collectOnboardingContext } from './dependencies';
import { summarizeOnboardingTasks, loadOnboardingTasks } from './records';

export { collectOnboardingContext } from './dependencies';
export { startOnboardingJobs, saveOnboardingTask } from './jobs';
export { describeOnboardingTask, summarizeOnboardingTasks, loadOnboardingTasks } from './records';
export { ONBOARDING_ENTITY } from './types';
export type { OnboardingTask, OnboardingTaskSummary } from './types';

/** Name under which Onboarding reports to the platform console. */
export const ONBOARDING_MODULE = 'Onboarding';

/** A one-line health report of Onboarding: new-hire onboarding. */
export async function onboardingHealth(): Promise<string> {
  const records = await loadOnboardingTasks();
  const summary = summarizeOnboardingTasks(records);
  const parts: string[] = [ONBOARDING_MODULE, summary.count + ' records'];
  const context = await collectOnboardingContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
