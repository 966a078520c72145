/** A Role Assignment record as RoleManager stores it. */
export interface RoleAssignment {
  id: number;
  login: string;
  roles: string[];
  expiresAt: Date;
  enabled: boolean;
}

/** What RoleManager reports about a batch of Role Assignment records. */
export interface RoleAssignmentSummary {
  count: number;
  labels: string[];
}

/** Entity under which RoleManager stores its records. */
export const ROLE_MANAGER_ENTITY = 'RoleManager.RoleAssignment';
