import { summarizeCatalogProducts } from '@modules/CatalogCore';

/** Context lines ProductImages gathers from the modules it builds on. */
export async function collectProductImagesContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductSummary = summarizeCatalogProducts([{ id: 12, sku: 'sku-11', title: 'title-12', price: 14, tags: ['tags'] }]);
  lines.push(catalogProductSummary.count + ' from CatalogCore: ' + catalogProductSummary.labels.join('; '));
  return lines;
}
