import { log } from '@platform/runtime';
import { collectProductImagesContext } from './integrations';
import { summarizeProductImages, loadProductImages } from './records';

export { collectProductImagesContext } from './integrations';
export { fetchProductImage, pushProductImage } from './partner-client';
export { describeProductImage, summarizeProductImages, loadProductImages } from './records';
export { PRODUCT_IMAGES_ENTITY } from './types';
export type { ProductImage, ProductImageSummary } from './types';

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which ProductImages reports to the platform console. */
export const PRODUCT_IMAGES_MODULE = 'ProductImages';

/** A one-line health report of ProductImages: product images. */
export async function productImagesHealth(): Promise<string> {
  const records = await loadProductImages();
  const summary = summarizeProductImages(records);
  const parts: string[] = [PRODUCT_IMAGES_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectProductImagesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
