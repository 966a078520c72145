import { queryEntities, formatDate } from '@platform/runtime';
import { type LoginAttempt, type LoginAttemptSummary, LOGIN_PAGE_ENTITY } from './types';

/** One line describing a Login Attempt, for logs and lists. */
export function describeLoginAttempt(value: LoginAttempt): string {
  return 'Login Attempt #' + value.id + ': ' + [value.actor, value.action, formatDate(value.occurredAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Login Attempt records. */
export function summarizeLoginAttempts(values: LoginAttempt[]): LoginAttemptSummary {
  const labels = values.map((value) => describeLoginAttempt(value));
  return { count: values.length, labels };
}

/** Reads Login Attempt records, oldest first. */
export async function loadLoginAttempts(filter?: Record<string, unknown>): Promise<LoginAttempt[]> {
  const rows = await queryEntities<LoginAttempt>(LOGIN_PAGE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
