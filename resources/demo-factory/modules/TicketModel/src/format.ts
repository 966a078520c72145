import { queryEntities, formatDate } from '@platform/runtime';
import { type SupportTicket, type SupportTicketSummary, TICKET_MODEL_ENTITY } from './types';

/** One line describing a Ticket, for logs and lists. */
export function describeSupportTicket(value: SupportTicket): string {
  return 'Ticket #' + value.id + ': ' + [value.subject, String(value.priority), value.status, formatDate(value.openedAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Ticket records. */
export function summarizeSupportTickets(values: SupportTicket[]): SupportTicketSummary {
  const labels = values.map((value) => describeSupportTicket(value));
  return { count: values.length, labels };
}

/** Reads Ticket records, oldest first. */
export async function loadSupportTickets(filter?: Record<string, unknown>): Promise<SupportTicket[]> {
  const rows = await queryEntities<SupportTicket>(TICKET_MODEL_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
