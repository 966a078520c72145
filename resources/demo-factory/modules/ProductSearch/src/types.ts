/** A Product Hit record as ProductSearch stores it. */
export interface ProductHit {
  id: number;
  sku: string;
  title: string;
  price: number;
  tags: string[];
}

/** What ProductSearch reports about a batch of Product Hit records. */
export interface ProductHitSummary {
  count: number;
  labels: string[];
}

/** Entity under which ProductSearch stores its records. */
export const PRODUCT_SEARCH_ENTITY = 'ProductSearch.ProductHit';
