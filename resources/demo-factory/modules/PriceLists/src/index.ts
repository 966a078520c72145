import { log, queryEntities } from '@platform/runtime';
import { loadCatalogProducts } from '@modules/CatalogCore';

/** A Price record as PriceLists stores it. */
export interface PriceListEntry {
  id: number;
  sku: string;
  title: string;
  price: number;
  tags: string[];
}

/** What PriceLists reports about a batch of Price records. */
export interface PriceListEntrySummary {
  count: number;
  labels: string[];
}

/** Entity under which PriceLists stores its records. */
export const PRICE_LISTS_ENTITY = 'PriceLists.Price';

/** One line describing a Price, for logs and lists. */
export function describePriceListEntry(value: PriceListEntry): string {
  return 'Price #' + value.id + ': ' + [value.sku, value.title, value.price.toFixed(2), value.tags.join(', ')].join(' | ');
}

/** Counts and labels a batch of Price records. */
export function summarizePriceListEntrys(values: PriceListEntry[]): PriceListEntrySummary {
  const labels = values.map((value) => describePriceListEntry(value));
  return { count: values.length, labels };
}

/** Reads Price records, oldest first. */
export async function loadPriceListEntrys(filter?: Record<string, unknown>): Promise<PriceListEntry[]> {
  const rows = await queryEntities<PriceListEntry>(PRICE_LISTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

/** Problems that keep a Price from being saved; empty when it is valid. */
export function validatePriceListEntry(value: PriceListEntry): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.sku.trim().length === 0) problems.push('sku is required');
  if (value.title.trim().length === 0) problems.push('title is required');
  if (!isFinite(value.price) || value.price < 0) problems.push('price must be a positive number');
  if (value.tags.length > 20) problems.push('tags has too many entries');
  return problems;
}

/** Context lines PriceLists gathers from the modules it builds on. */
export async function collectPriceListsContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductList = await loadCatalogProducts({ requestedBy: 'PriceLists' });
  lines.push('CatalogCore: ' + catalogProductList.length + ' records');
  lines.push(...catalogProductList.slice(0, 3).map((item) => String(item.sku)));
  return lines;
}

/** Name under which PriceLists reports to the platform console. */
export const PRICE_LISTS_MODULE = 'PriceLists';

/** A one-line health report of PriceLists: price lists. */
export async function priceListsHealth(): Promise<string> {
  const records = await loadPriceListEntrys();
  const summary = summarizePriceListEntrys(records);
  const parts: string[] = [PRICE_LISTS_MODULE, summary.count + ' records'];
  const context = await collectPriceListsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
