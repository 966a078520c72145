/** A Bundle record as DraftBundles stores it. */
export interface ProductBundle {
  id: number;
  sku: string;
  title: string;
  price: number;
  tags: string[];
}

/** What DraftBundles reports about a batch of Bundle records. */
export interface ProductBundleSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which DraftBundles stores its records. */
export const DRAFT_BUNDLES_ENTITY = 'DraftBundles.Bundle';
