import { queryEntities } from '@platform/runtime';
import { type ProductImage, type ProductImageSummary, PRODUCT_IMAGES_ENTITY } from './types';

/** One line describing a Image, for logs and lists. */
export function describeProductImage(value: ProductImage): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.path);
  parts.push((value.published ? 'published' : 'not published'));
  return 'Image ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Image records. */
export function summarizeProductImages(values: ProductImage[]): ProductImageSummary {
  const labels = values.map((value) => describeProductImage(value));
  return { count: values.length, labels };
}

/** Reads Image records, oldest first. */
export async function loadProductImages(filter?: Record<string, unknown>): Promise<ProductImage[]> {
  const rows = await queryEntities<ProductImage>(PRODUCT_IMAGES_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
