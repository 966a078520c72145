/** A Product record as CatalogCore stores it. */
export interface CatalogProduct {
  id: number;
  sku: string;
  title: string;
  price: number;
  tags: string[];
}

/** What CatalogCore reports about a batch of Product records. */
export interface CatalogProductSummary {
  count: number;
  labels: string[];
}

/** Entity under which CatalogCore stores its records. */
export const CATALOG_CORE_ENTITY = 'CatalogCore.Product';
