import { queryEntities, formatDate } from '@platform/runtime';
import { type ThemeToken, type ThemeTokenSummary, PORTAL_THEME_ENTITY } from './types';

/** One line describing a Theme Token, for logs and lists. */
export function describeThemeToken(value: ThemeToken): string {
  return 'Theme Token #' + value.id + ': ' + [value.key, value.value, formatDate(value.updatedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Theme Token records. */
export function summarizeThemeTokens(values: ThemeToken[]): ThemeTokenSummary {
  const labels = values.map((value) => describeThemeToken(value));
  return { count: values.length, labels };
}

/** Reads Theme Token records, oldest first. */
export async function loadThemeTokens(filter?: Record<string, unknown>): Promise<ThemeToken[]> {
  const rows = await queryEntities<ThemeToken>(PORTAL_THEME_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
