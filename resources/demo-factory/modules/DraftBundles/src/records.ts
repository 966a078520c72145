import { queryEntities, formatDate } from '@platform/runtime';
import { type ProductBundle, type ProductBundleSummary, DRAFT_BUNDLES_ENTITY } from './types';

/** One line describing a Bundle, for logs and lists. */
export function describeProductBundle(value: ProductBundle): string {
  return 'Bundle #' + value.id + ': ' + [value.sku, value.title, value.price.toFixed(2), value.tags.join(', ')].join(' | ');
}

/** Counts and labels a batch of Bundle records. */
export function summarizeProductBundles(values: ProductBundle[]): ProductBundleSummary {
  const labels = values.map((value) => describeProductBundle(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Bundle records, oldest first. */
export async function loadProductBundles(filter?: Record<string, unknown>): Promise<ProductBundle[]> {
  const rows = await queryEntities<ProductBundle>(DRAFT_BUNDLES_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
