/** A Credential record as AuthCore stores it. */
export interface UserCredential {
  id: number;
  login: string;
  roles: string[];
  expiresAt: Date;
  enabled: boolean;
}

/** What AuthCore reports about a batch of Credential records. */
export interface UserCredentialSummary {
  count: number;
  labels: string[];
}

/** Entity under which AuthCore stores its records. */
export const AUTH_CORE_ENTITY = 'AuthCore.Credential';
