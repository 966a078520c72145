/** A Shelf Item record as CatalogMobile stores it. */
export interface ShelfItem {
  id: number;
  sku: string;
  title: string;
  price: number;
  tags: string[];
}

/** What CatalogMobile reports about a batch of Shelf Item records. */
export interface ShelfItemSummary {
  count: number;
  labels: string[];
}

/** Entity under which CatalogMobile stores its records. */
export const CATALOG_MOBILE_ENTITY = 'CatalogMobile.ShelfItem';
