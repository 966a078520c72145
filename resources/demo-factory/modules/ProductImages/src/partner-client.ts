import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { ProductImage } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/image';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('ProductImages: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Image from the partner system. */
export async function fetchProductImage(id: number): Promise<ProductImage | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ProductImage;
}

/** Sends a Image to the partner system; true when it was accepted. */
export async function pushProductImage(value: ProductImage): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
