import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { summarizeNewsArticles } from '@modules/PortalNews';
import { describeNavigationItem, type NavigationItem } from '@modules/PortalShell';
import { loadThemeTokens } from '@modules/PortalTheme';
import { summarizeMobileTiles, loadMobileTiles } from './records';
import type { MobileTile } from './types';

export { describeMobileTile, summarizeMobileTiles, loadMobileTiles } from './records';
export { PORTAL_MOBILE_ENTITY } from './types';
export type { MobileTile, MobileTileSummary } from './types';

const cache = new Map<number, MobileTile>();
let lastSync = 0;

/** Downloads the user's Tile records for offline use; resolves to how many. */
export async function syncPortalMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadMobileTiles({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('PortalMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedMobileTile(id: number): MobileTile | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function portalMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines PortalMobile gathers from the modules it builds on. */
export async function collectPortalMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const themeTokenList = await loadThemeTokens({ requestedBy: 'PortalMobile' });
  lines.push('PortalTheme: ' + themeTokenList.length + ' records');
  lines.push(...themeTokenList.slice(0, 3).map((item) => String(item.value)));
  const newsArticleSummary = summarizeNewsArticles([{ id: 18, title: 'title-17', path: 'path-18', published: false }]);
  lines.push(newsArticleSummary.count + ' from PortalNews: ' + newsArticleSummary.labels.join('; '));
  const navigationItemSample: NavigationItem = { id: 25, title: 'title-24', path: 'path-25', published: true };
  lines.push(describeNavigationItem(navigationItemSample));
  return lines;
}

/** Name under which PortalMobile reports to the platform console. */
export const PORTAL_MOBILE_MODULE = 'PortalMobile';

/** A one-line health report of PortalMobile: the portal app. */
export async function portalMobileHealth(): Promise<string> {
  const records = await loadMobileTiles();
  const summary = summarizeMobileTiles(records);
  const parts: string[] = [PORTAL_MOBILE_MODULE, summary.count + ' records'];
  const context = await collectPortalMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
