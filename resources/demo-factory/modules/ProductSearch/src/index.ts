import { log, saveEntity, setTimer } from '@platform/runtime';
import { summarizeCatalogProducts } from '@modules/CatalogCore';
import { summarizeProductHits, loadProductHits } from './records';
import { type ProductHit, PRODUCT_SEARCH_ENTITY } from './types';

export { describeProductHit, summarizeProductHits, loadProductHits } from './records';
export { PRODUCT_SEARCH_ENTITY } from './types';
export type { ProductHit, ProductHitSummary } from './types';

/** Registers the periodic refresh of ProductSearch. */
export function startProductSearchJobs(): void {
  setTimer('ProductSearch.refresh', 180000, async () => {
    const records = await loadProductHits();
    log('ProductSearch: refreshed ' + records.length + ' Product Hit records');
  });
}

/** Stores a Product Hit; resolves to its id. */
export async function saveProductHit(value: ProductHit): Promise<number> {
  const id = await saveEntity(PRODUCT_SEARCH_ENTITY, { ...value });
  log('ProductSearch: saved Product Hit ' + id);
  return id;
}

/** Context lines ProductSearch gathers from the modules it builds on. */
export async function collectProductSearchContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductSummary = summarizeCatalogProducts([{ id: 3, sku: 'sku-2', title: 'title-3', price: 5, tags: ['tags'] }]);
  lines.push(catalogProductSummary.count + ' from CatalogCore: ' + catalogProductSummary.labels.join('; '));
  return lines;
}

/** Name under which ProductSearch reports to the platform console. */
export const PRODUCT_SEARCH_MODULE = 'ProductSearch';

/** A one-line health report of ProductSearch: product search. */
export async function productSearchHealth(): Promise<string> {
  const records = await loadProductHits();
  const summary = summarizeProductHits(records);
  const parts: string[] = [PRODUCT_SEARCH_MODULE, summary.count + ' records'];
  const context = await collectProductSearchContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
