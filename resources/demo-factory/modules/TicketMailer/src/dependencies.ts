import { summarizeTicketUpdates } from '@modules/TicketService';

/** Context lines TicketMailer gathers from the modules it builds on. */
export async function collectTicketMailerContext(): Promise<string[]> {
  const lines: string[] = [];
  const ticketUpdateSummary = summarizeTicketUpdates([{ id: 3, subject: 'subject-2', priority: 4, status: 'status-4', openedAt: new Date(1700432000000) }]);
  lines.push(ticketUpdateSummary.count + ' from TicketService: ' + ticketUpdateSummary.labels.join('; '));
  return lines;
}
