import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import type { ReportSchedule } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/report-schedule';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('ReportScheduler: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Report Schedule from the partner system. */
export async function fetchReportSchedule(id: number): Promise<ReportSchedule | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ReportSchedule;
}

/** Sends a Report Schedule to the partner system; true when it was accepted. */
export async function pushReportSchedule(value: ReportSchedule): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}
