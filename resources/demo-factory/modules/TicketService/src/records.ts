import { queryEntities, formatDate } from '@platform/runtime';
import { type TicketUpdate, type TicketUpdateSummary, TICKET_SERVICE_ENTITY } from './types';

/** One line describing a Ticket Update, for logs and lists. */
export function describeTicketUpdate(value: TicketUpdate): string {
  const parts: string[] = [];
  parts.push(value.subject);
  parts.push(String(value.priority));
  parts.push(value.status);
  parts.push(formatDate(value.openedAt, 'yyyy-MM-dd'));
  return 'Ticket Update ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Ticket Update records. */
export function summarizeTicketUpdates(values: TicketUpdate[]): TicketUpdateSummary {
  const labels = values.map((value) => describeTicketUpdate(value));
  return { count: values.length, labels };
}

/** Reads Ticket Update records, oldest first. */
export async function loadTicketUpdates(filter?: Record<string, unknown>): Promise<TicketUpdate[]> {
  const rows = await queryEntities<TicketUpdate>(TICKET_SERVICE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
