import { queryEntities, formatDate } from '@platform/runtime';
import { type SupplierFeedRow, type SupplierFeedRowSummary, CATALOG_IMPORT_ENTITY } from './types';

/** One line describing a Feed Row, for logs and lists. */
export function describeSupplierFeedRow(value: SupplierFeedRow): string {
  return 'Feed Row #' + value.id + ': ' + [value.sku, value.title, value.price.toFixed(2), value.tags.join(', ')].join(' | ');
}

/** Counts and labels a batch of Feed Row records. */
export function summarizeSupplierFeedRows(values: SupplierFeedRow[]): SupplierFeedRowSummary {
  const labels = values.map((value) => describeSupplierFeedRow(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Feed Row records, oldest first. */
export async function loadSupplierFeedRows(filter?: Record<string, unknown>): Promise<SupplierFeedRow[]> {
  const rows = await queryEntities<SupplierFeedRow>(CATALOG_IMPORT_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
