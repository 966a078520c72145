import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { ExportJob } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/export-job';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('ReportExports: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Export Job from the partner system. */
export async function fetchExportJob(id: number): Promise<ExportJob | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ExportJob;
}

/** Sends a Export Job to the partner system; true when it was accepted. */
export async function pushExportJob(value: ExportJob): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
