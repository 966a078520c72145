import { log } from '@platform/runtime';
import { summarizeThemeTokens, loadThemeTokens } from './format';
import type { ThemeToken } from './types';

export { describeThemeToken, summarizeThemeTokens, loadThemeTokens } from './format';
export { PORTAL_THEME_ENTITY } from './types';
export type { ThemeToken, ThemeTokenSummary } from './types';

/** Problems that keep a Theme Token from being saved; empty when it is valid. */
export function validateThemeToken(value: ThemeToken): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.key.trim().length === 0) problems.push('key is required');
  if (value.value.trim().length === 0) problems.push('value is required');
  if (isNaN(value.updatedAt.getTime())) problems.push('updatedAt is not a valid date');
  return problems;
}

/** Name under which PortalTheme reports to the platform console. */
export const PORTAL_THEME_MODULE = 'PortalTheme';

/** A one-line health report of PortalTheme: the corporate theme. */
export async function portalThemeHealth(): Promise<string> {
  const records = await loadThemeTokens();
  const summary = summarizeThemeTokens(records);
  const parts: string[] = [PORTAL_THEME_MODULE, summary.count + ' records'];
  log(parts.join(' - '));
  return parts.join(' - ');
}
