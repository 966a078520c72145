/** A Login Attempt record as LoginPage stores it. */
export interface LoginAttempt {
  id: number;
  actor: string;
  action: string;
  occurredAt: Date;
}

/** What LoginPage reports about a batch of Login Attempt records. */
export interface LoginAttemptSummary {
  count: number;
  labels: string[];
}

/** Entity under which LoginPage stores its records. */
export const LOGIN_PAGE_ENTITY = 'LoginPage.LoginAttempt';
