import { queryEntities, formatDate } from '@platform/runtime';
import { type TicketMail, type TicketMailSummary, TICKET_MAILER_ENTITY } from './types';

/** One line describing a Ticket Mail, for logs and lists. */
export function describeTicketMail(value: TicketMail): string {
  return 'Ticket Mail #' + value.id + ': ' + [value.recipient, value.subject, formatDate(value.sentAt, 'yyyy-MM-dd'), (value.delivered ? 'delivered' : 'not delivered')].join(' | ');
}

/** Counts and labels a batch of Ticket Mail records. */
export function summarizeTicketMails(values: TicketMail[]): TicketMailSummary {
  const labels = values.map((value) => describeTicketMail(value));
  return { count: values.length, labels };
}

/** Reads Ticket Mail records, oldest first. */
export async function loadTicketMails(filter?: Record<string, unknown>): Promise<TicketMail[]> {
  const rows = await queryEntities<TicketMail>(TICKET_MAILER_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
