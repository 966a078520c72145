import { queryEntities, formatDate } from '@platform/runtime';
import { type OnboardingTask, type OnboardingTaskSummary, ONBOARDING_ENTITY } from './types';

/** One line describing a Onboarding Task, for logs and lists. */
export function describeOnboardingTask(value: OnboardingTask): string {
  return 'Onboarding Task #' + value.id + ': ' + [value.subject, String(value.priority), value.status, formatDate(value.openedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Onboarding Task records. */
export function summarizeOnboardingTasks(values: OnboardingTask[]): OnboardingTaskSummary {
  const labels = values.map((value) => describeOnboardingTask(value));
  return { count: values.length, labels };
}

/** Reads Onboarding Task records, oldest first. */
export async function loadOnboardingTasks(filter?: Record<string, unknown>): Promise<OnboardingTask[]> {
  const rows = await queryEntities<OnboardingTask>(ONBOARDING_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
