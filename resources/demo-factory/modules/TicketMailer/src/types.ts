/** A Ticket Mail record as TicketMailer stores it. */
export interface TicketMail {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What TicketMailer reports about a batch of Ticket Mail records. */
export interface TicketMailSummary {
  count: number;
  labels: string[];
}

/** Entity under which TicketMailer stores its records. */
export const TICKET_MAILER_ENTITY = 'TicketMailer.TicketMail';
