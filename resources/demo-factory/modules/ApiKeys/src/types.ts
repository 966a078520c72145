/** A API Key record as ApiKeys stores it. */
export interface ApiKey {
  id: number;
  login: string;
  roles: string[];
  expiresAt: Date;
  enabled: boolean;
}

/** What ApiKeys reports about a batch of API Key records. */
export interface ApiKeySummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which ApiKeys stores its records. */
export const API_KEYS_ENTITY = 'ApiKeys.APIKey';
