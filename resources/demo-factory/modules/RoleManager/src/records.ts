import { queryEntities, formatDate } from '@platform/runtime';
import { type RoleAssignment, type RoleAssignmentSummary, ROLE_MANAGER_ENTITY } from './types';

/** One line describing a Role Assignment, for logs and lists. */
export function describeRoleAssignment(value: RoleAssignment): string {
  return 'Role Assignment #' + value.id + ': ' + [value.login, value.roles.join(', '), formatDate(value.expiresAt, 'yyyy-MM-dd'), (value.enabled ? 'enabled' : 'not enabled')].join(' | ');
}

/** Counts and labels a batch of Role Assignment records. */
export function summarizeRoleAssignments(values: RoleAssignment[]): RoleAssignmentSummary {
  const labels = values.map((value) => describeRoleAssignment(value));
  return { count: values.length, labels };
}

/** Reads Role Assignment records, oldest first. */
export async function loadRoleAssignments(filter?: Record<string, unknown>): Promise<RoleAssignment[]> {
  const rows = await queryEntities<RoleAssignment>(ROLE_MANAGER_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
