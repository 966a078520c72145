import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { CardCharge } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/card-charge';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('CardGateway: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Card Charge from the partner system. */
export async function fetchCardCharge(id: number): Promise<CardCharge | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as CardCharge;
}

/** Sends a Card Charge to the partner system; true when it was accepted. */
export async function pushCardCharge(value: CardCharge): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
