/** A SSO Provider record as SingleSignOn stores it. */
export interface SsoProvider {
  id: number;
  key: string;
  value: string;
  updatedAt: Date;
}

/** What SingleSignOn reports about a batch of SSO Provider records. */
export interface SsoProviderSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which SingleSignOn stores its records. */
export const SINGLE_SIGN_ON_ENTITY = 'SingleSignOn.SSOProvider';
