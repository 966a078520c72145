import { log } from '@platform/runtime';
import { collectTicketServiceContext } from './integrations';
import { summarizeTicketUpdates, loadTicketUpdates } from './records';

export { collectTicketServiceContext } from './integrations';
export { fetchTicketUpdate, pushTicketUpdate } from './partner-client';
export { describeTicketUpdate, summarizeTicketUpdates, loadTicketUpdates } from './records';
export { TICKET_SERVICE_ENTITY } from './types';
export type { TicketUpdate, TicketUpdateSummary } from './types';

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which TicketService reports to the platform console. */
export const TICKET_SERVICE_MODULE = 'TicketService';

/** A one-line health report of TicketService: ticket handling. */
export async function ticketServiceHealth(): Promise<string> {
  const records = await loadTicketUpdates();
  const summary = summarizeTicketUpdates(records);
  const parts: string[] = [TICKET_SERVICE_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectTicketServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
