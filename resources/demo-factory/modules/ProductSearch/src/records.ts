import { queryEntities } from '@platform/runtime';
import { type ProductHit, type ProductHitSummary, PRODUCT_SEARCH_ENTITY } from './types';

/** One line describing a Product Hit, for logs and lists. */
export function describeProductHit(value: ProductHit): string {
  return 'Product Hit #' + value.id + ': ' + [value.sku, value.title, value.price.toFixed(2), value.tags.join(', ')].join(' | ');
}

/** Counts and labels a batch of Product Hit records. */
export function summarizeProductHits(values: ProductHit[]): ProductHitSummary {
  const labels = values.map((value) => describeProductHit(value));
  return { count: values.length, labels };
}

/** Reads Product Hit records, oldest first. */
export async function loadProductHits(filter?: Record<string, unknown>): Promise<ProductHit[]> {
  const rows = await queryEntities<ProductHit>(PRODUCT_SEARCH_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
