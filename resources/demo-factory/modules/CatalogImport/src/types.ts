/** A Feed Row record as CatalogImport stores it. */
export interface SupplierFeedRow {
  id: number;
  sku: string;
  title: string;
  price: number;
  tags: string[];
}

/** What CatalogImport reports about a batch of Feed Row records. */
export interface SupplierFeedRowSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CatalogImport stores its records. */
export const CATALOG_IMPORT_ENTITY = 'CatalogImport.FeedRow';
