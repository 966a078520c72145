import { queryEntities } from '@platform/runtime';
import { type CatalogProduct, type CatalogProductSummary, CATALOG_CORE_ENTITY } from './types';

/** One line describing a Product, for logs and lists. */
export function describeCatalogProduct(value: CatalogProduct): string {
  return 'Product #' + value.id + ': ' + [value.sku, value.title, value.price.toFixed(2), value.tags.join(', ')].join(' | ');
}

/** Counts and labels a batch of Product records. */
export function summarizeCatalogProducts(values: CatalogProduct[]): CatalogProductSummary {
  const labels = values.map((value) => describeCatalogProduct(value));
  return { count: values.length, labels };
}

/** Reads Product records, oldest first. */
export async function loadCatalogProducts(filter?: Record<string, unknown>): Promise<CatalogProduct[]> {
  const rows = await queryEntities<CatalogProduct>(CATALOG_CORE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
