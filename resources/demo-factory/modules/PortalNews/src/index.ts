import { log } from '@platform/runtime';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';
import { summarizeThemeTokens } from '@modules/PortalTheme';
import { summarizeNewsArticles, loadNewsArticles } from './records';

export { canEditNewsArticle, buildPortalNewsDashboard } from './dashboard';
export type { PortalNewsDashboard } from './dashboard';
export { describeNewsArticle, summarizeNewsArticles, loadNewsArticles } from './records';
export { PORTAL_NEWS_ENTITY } from './types';
export type { NewsArticle, NewsArticleSummary } from './types';

/** Context lines PortalNews gathers from the modules it builds on. */
export async function collectPortalNewsContext(): Promise<string[]> {
  const lines: string[] = [];
  const themeTokenSummary = summarizeThemeTokens([{ id: 12, key: 'key-11', value: 'value-12', updatedAt: new Date(1701123200000) }]);
  lines.push(themeTokenSummary.count + ' from PortalTheme: ' + themeTokenSummary.labels.join('; '));
  const appSettingSample: AppSetting = { id: 19, key: 'key-18', value: 'value-19', updatedAt: new Date(1701728000000) };
  lines.push(describeAppSetting(appSettingSample));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which PortalNews reports to the platform console. */
export const PORTAL_NEWS_MODULE = 'PortalNews';

/** A one-line health report of PortalNews: company news. */
export async function portalNewsHealth(): Promise<string> {
  const records = await loadNewsArticles();
  const summary = summarizeNewsArticles(records);
  const parts: string[] = [PORTAL_NEWS_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectPortalNewsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
