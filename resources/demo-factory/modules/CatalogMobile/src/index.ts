import { log, queryEntities, formatDate, getCurrentUser } from '@platform/runtime';
import { loadProductHits } from '@modules/ProductSearch';
import { type ShelfItem, type ShelfItemSummary, CATALOG_MOBILE_ENTITY } from './types';

export { CATALOG_MOBILE_ENTITY } from './types';
export type { ShelfItem, ShelfItemSummary } from './types';

/** One line describing a Shelf Item, for logs and lists. */
export function describeShelfItem(value: ShelfItem): string {
  return 'Shelf Item #' + value.id + ': ' + [value.sku, value.title, value.price.toFixed(2), value.tags.join(', ')].join(' | ');
}

/** Counts and labels a batch of Shelf Item records. */
export function summarizeShelfItems(values: ShelfItem[]): ShelfItemSummary {
  const labels = values.map((value) => describeShelfItem(value));
  return { count: values.length, labels };
}

/** Reads Shelf Item records, oldest first. */
export async function loadShelfItems(filter?: Record<string, unknown>): Promise<ShelfItem[]> {
  const rows = await queryEntities<ShelfItem>(CATALOG_MOBILE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

const cache = new Map<number, ShelfItem>();
let lastSync = 0;

/** Downloads the user's Shelf Item records for offline use; resolves to how many. */
export async function syncCatalogMobileOffline(): Promise<number> {
  const user = getCurrentUser();
  const records = await loadShelfItems({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('CatalogMobile: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cachedShelfItem(id: number): ShelfItem | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function catalogMobileLastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}

/** Context lines CatalogMobile gathers from the modules it builds on. */
export async function collectCatalogMobileContext(): Promise<string[]> {
  const lines: string[] = [];
  const productHitList = await loadProductHits({ requestedBy: 'CatalogMobile' });
  lines.push('ProductSearch: ' + productHitList.length + ' records');
  lines.push(...productHitList.slice(0, 3).map((item) => String(item.sku)));
  return lines;
}

/** Name under which CatalogMobile reports to the platform console. */
export const CATALOG_MOBILE_MODULE = 'CatalogMobile';

/** A one-line health report of CatalogMobile: the catalog app. */
export async function catalogMobileHealth(): Promise<string> {
  const records = await loadShelfItems();
  const summary = summarizeShelfItems(records);
  const parts: string[] = [CATALOG_MOBILE_MODULE, summary.count + ' records'];
  const context = await collectCatalogMobileContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
