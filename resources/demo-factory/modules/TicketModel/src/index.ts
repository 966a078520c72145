import { log } from '@platform/runtime';
import { summarizeAppSettings } from '@modules/CommonLib';
import { summarizeSupportTickets, loadSupportTickets } from './format';
import type { SupportTicket } from './types';

export { describeSupportTicket, summarizeSupportTickets, loadSupportTickets } from './format';
export { TICKET_MODEL_ENTITY } from './types';
export type { SupportTicket, SupportTicketSummary } from './types';

/** Problems that keep a Ticket from being saved; empty when it is valid. */
export function validateSupportTicket(value: SupportTicket): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.subject.trim().length === 0) problems.push('subject is required');
  if (!isFinite(value.priority) || value.priority < 0) problems.push('priority must be a positive number');
  if (value.status.trim().length === 0) problems.push('status is required');
  if (isNaN(value.openedAt.getTime())) problems.push('openedAt is not a valid date');
  return problems;
}

/** Context lines TicketModel gathers from the modules it builds on. */
export async function collectTicketModelContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 3, key: 'key-2', value: 'value-3', updatedAt: new Date(1700345600000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  return lines;
}

/** Name under which TicketModel reports to the platform console. */
export const TICKET_MODEL_MODULE = 'TicketModel';

/** A one-line health report of TicketModel: the ticket model. */
export async function ticketModelHealth(): Promise<string> {
  const records = await loadSupportTickets();
  const summary = summarizeSupportTickets(records);
  const parts: string[] = [TICKET_MODEL_MODULE, summary.count + ' records'];
  const context = await collectTicketModelContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
