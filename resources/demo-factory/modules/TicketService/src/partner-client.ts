import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { TicketUpdate } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/ticket-update';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('TicketService: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Ticket Update from the partner system. */
export async function fetchTicketUpdate(id: number): Promise<TicketUpdate | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as TicketUpdate;
}

/** Sends a Ticket Update to the partner system; true when it was accepted. */
export async function pushTicketUpdate(value: TicketUpdate): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
