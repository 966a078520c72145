import { queryEntities, formatDate } from '@platform/runtime';
import { type ApiKey, type ApiKeySummary, API_KEYS_ENTITY } from './types';

/** One line describing a API Key, for logs and lists. */
export function describeApiKey(value: ApiKey): string {
  const parts: string[] = [];
  parts.push(value.login);
  parts.push(value.roles.join(', '));
  parts.push(formatDate(value.expiresAt, 'yyyy-MM-dd'));
  parts.push((value.enabled ? 'enabled' : 'not enabled'));
  return 'API Key ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of API Key records. */
export function summarizeApiKeys(values: ApiKey[]): ApiKeySummary {
  const labels = values.map((value) => describeApiKey(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads API Key records, oldest first. */
export async function loadApiKeys(filter?: Record<string, unknown>): Promise<ApiKey[]> {
  const rows = await queryEntities<ApiKey>(API_KEYS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
