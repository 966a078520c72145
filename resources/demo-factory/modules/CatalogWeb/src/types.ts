/** A Product Page record as CatalogWeb stores it. */
export interface ProductPage {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What CatalogWeb reports about a batch of Product Page records. */
export interface ProductPageSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CatalogWeb stores its records. */
export const CATALOG_WEB_ENTITY = 'CatalogWeb.ProductPage';
