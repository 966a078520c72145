import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { DirectoryPerson } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/person';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('Directory: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Person from the partner system. */
export async function fetchDirectoryPerson(id: number): Promise<DirectoryPerson | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as DirectoryPerson;
}

/** Sends a Person to the partner system; true when it was accepted. */
export async function pushDirectoryPerson(value: DirectoryPerson): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
