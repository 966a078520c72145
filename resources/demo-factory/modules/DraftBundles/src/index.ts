import { log } from '@platform/runtime';
import { describeCatalogProduct, type CatalogProduct } from '@modules/CatalogCore';
import { loadPriceListEntrys } from '@modules/PriceLists';
import { summarizeProductBundles, loadProductBundles } from './records';

export { startDraftBundlesJobs, saveProductBundle } from './jobs';
export { describeProductBundle, summarizeProductBundles, loadProductBundles } from './records';
export { DRAFT_BUNDLES_ENTITY } from './types';
export type { ProductBundle, ProductBundleSummary } from './types';

/** Context lines DraftBundles gathers from the modules it builds on. */
export async function collectDraftBundlesContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductSample: CatalogProduct = { id: 1, sku: 'sku-0', title: 'title-1', price: 3, tags: ['tags'] };
  lines.push(describeCatalogProduct(catalogProductSample));
  const priceListEntryList = await loadPriceListEntrys({ requestedBy: 'DraftBundles' });
  lines.push('PriceLists: ' + priceListEntryList.length + ' records');
  lines.push(...priceListEntryList.slice(0, 3).map((item) => String(item.tags)));
  return lines;
}

/** Name under which DraftBundles reports to the platform console. */
export const DRAFT_BUNDLES_MODULE = 'DraftBundles';

/** A one-line health report of DraftBundles: product bundles (draft). */
export async function draftBundlesHealth(): Promise<string> {
  const records = await loadProductBundles();
  const summary = summarizeProductBundles(records);
  const parts: string[] = [DRAFT_BUNDLES_MODULE, summary.count + ' records'];
  const context = await collectDraftBundlesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
