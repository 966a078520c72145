import { log, queryEntities, formatDate, getCurrentUser } from '@platform/runtime';
import { describeCatalogProduct, type CatalogProduct } from '@modules/CatalogCore';
import { loadPriceListEntrys } from '@modules/PriceLists';
import { type ProductPage, type ProductPageSummary, CATALOG_WEB_ENTITY } from './types';

export { CATALOG_WEB_ENTITY } from './types';
export type { ProductPage, ProductPageSummary } from './types';

/** One line describing a Product Page, for logs and lists. */
export function describeProductPage(value: ProductPage): string {
  return 'Product Page #' + value.id + ': ' + [value.title, value.path, (value.published ? 'published' : 'not published')].join(' | ');
}

/** Counts and labels a batch of Product Page records. */
export function summarizeProductPages(values: ProductPage[]): ProductPageSummary {
  const labels = values.map((value) => describeProductPage(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Product Page records, oldest first. */
export async function loadProductPages(filter?: Record<string, unknown>): Promise<ProductPage[]> {
  const rows = await queryEntities<ProductPage>(CATALOG_WEB_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the CatalogWeb page for the current user. */
export async function renderCatalogWebPage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadProductPages(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describeProductPage(record)) + '</li>');
  return (
    '<section><h1>Product Page overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}

/** Context lines CatalogWeb gathers from the modules it builds on. */
export async function collectCatalogWebContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductSample: CatalogProduct = { id: 7, sku: 'sku-6', title: 'title-7', price: 9, tags: ['tags'] };
  lines.push(describeCatalogProduct(catalogProductSample));
  const priceListEntryList = await loadPriceListEntrys({ requestedBy: 'CatalogWeb' });
  lines.push('PriceLists: ' + priceListEntryList.length + ' records');
  lines.push(...priceListEntryList.slice(0, 3).map((item) => String(item.title)));
  return lines;
}

/** Name under which CatalogWeb reports to the platform console. */
export const CATALOG_WEB_MODULE = 'CatalogWeb';

/** A one-line health report of CatalogWeb: catalog pages. */
export async function catalogWebHealth(): Promise<string> {
  const records = await loadProductPages();
  const summary = summarizeProductPages(records);
  const parts: string[] = [CATALOG_WEB_MODULE, summary.count + ' records'];
  const context = await collectCatalogWebContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
