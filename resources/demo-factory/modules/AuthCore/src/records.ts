import { queryEntities, formatDate } from '@platform/runtime';
import { type UserCredential, type UserCredentialSummary, AUTH_CORE_ENTITY } from './types';

/** One line describing a Credential, for logs and lists. */
export function describeUserCredential(value: UserCredential): string {
  const parts: string[] = [];
  parts.push(value.login);
  parts.push(value.roles.join(', '));
  parts.push(formatDate(value.expiresAt, 'yyyy-MM-dd'));
  parts.push((value.enabled ? 'enabled' : 'not enabled'));
  return 'Credential ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Credential records. */
export function summarizeUserCredentials(values: UserCredential[]): UserCredentialSummary {
  const labels = values.map((value) => describeUserCredential(value));
  return { count: values.length, labels };
}

/** Reads Credential records, oldest first. */
export async function loadUserCredentials(filter?: Record<string, unknown>): Promise<UserCredential[]> {
  const rows = await queryEntities<UserCredential>(AUTH_CORE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
