import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { loadTicketUpdates } from '@modules/TicketService';
import { summarizeSlaBreachs, loadSlaBreachs } from './records';
import type { SlaBreach } from './types';

export { describeSlaBreach, summarizeSlaBreachs, loadSlaBreachs } from './records';
export { SLA_MONITOR_ENTITY } from './types';
export type { SlaBreach, SlaBreachSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/sla-breach';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('SlaMonitor: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one SLA Breach from the partner system. */
export async function fetchSlaBreach(id: number): Promise<SlaBreach | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as SlaBreach;
}

/** Sends a SLA Breach to the partner system; true when it was accepted. */
export async function pushSlaBreach(value: SlaBreach): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines SlaMonitor gathers from the modules it builds on. */
export async function collectSlaMonitorContext(): Promise<string[]> {
  const lines: string[] = [];
  const ticketUpdateList = await loadTicketUpdates({ requestedBy: 'SlaMonitor' });
  lines.push('TicketService: ' + ticketUpdateList.length + ' records');
  lines.push(...ticketUpdateList.slice(0, 3).map((item) => String(item.openedAt)));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which SlaMonitor reports to the platform console. */
export const SLA_MONITOR_MODULE = 'SlaMonitor';

/** A one-line health report of SlaMonitor: SLA monitoring. */
export async function slaMonitorHealth(): Promise<string> {
  const records = await loadSlaBreachs();
  const summary = summarizeSlaBreachs(records);
  const parts: string[] = [SLA_MONITOR_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectSlaMonitorContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
