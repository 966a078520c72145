import { log, formatDate } from '@platform/runtime';
import { collectApiKeysContext } from './integrations';
import { summarizeApiKeys, loadApiKeys } from './records';

export { collectApiKeysContext } from './integrations';
export { fetchApiKey, pushApiKey } from './partner-client';
export { describeApiKey, summarizeApiKeys, loadApiKeys } from './records';
export { API_KEYS_ENTITY } from './types';
export type { ApiKey, ApiKeySummary } from './types';

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which ApiKeys reports to the platform console. */
export const API_KEYS_MODULE = 'ApiKeys';

/** A one-line health report of ApiKeys: API keys. */
export async function apiKeysHealth(): Promise<string> {
  const records = await loadApiKeys();
  const summary = summarizeApiKeys(records);
  const parts: string[] = [API_KEYS_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectApiKeysContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
