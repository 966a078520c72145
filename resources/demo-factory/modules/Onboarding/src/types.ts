/** A Onboarding Task record as Onboarding stores it. */
export interface OnboardingTask {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What Onboarding reports about a batch of Onboarding Task records. */
export interface OnboardingTaskSummary {
  count: number;
  labels: string[];
}

/** Entity under which Onboarding stores its records. */
export const ONBOARDING_ENTITY = 'Onboarding.OnboardingTask';
