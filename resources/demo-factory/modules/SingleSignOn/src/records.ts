import { queryEntities, formatDate } from '@platform/runtime';
import { type SsoProvider, type SsoProviderSummary, SINGLE_SIGN_ON_ENTITY } from './types';

/** One line describing a SSO Provider, for logs and lists. */
export function describeSsoProvider(value: SsoProvider): string {
  return 'SSO Provider #' + value.id + ': ' + [value.key, value.value, formatDate(value.updatedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of SSO Provider records. */
export function summarizeSsoProviders(values: SsoProvider[]): SsoProviderSummary {
  const labels = values.map((value) => describeSsoProvider(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads SSO Provider records, oldest first. */
export async function loadSsoProviders(filter?: Record<string, unknown>): Promise<SsoProvider[]> {
  const rows = await queryEntities<SsoProvider>(SINGLE_SIGN_ON_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
