/** A Image record as ProductImages stores it. */
export interface ProductImage {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What ProductImages reports about a batch of Image records. */
export interface ProductImageSummary {
  count: number;
  labels: string[];
}

/** Entity under which ProductImages stores its records. */
export const PRODUCT_IMAGES_ENTITY = 'ProductImages.Image';
