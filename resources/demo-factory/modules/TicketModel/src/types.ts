/** A Ticket record as TicketModel stores it. */
export interface SupportTicket {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What TicketModel reports about a batch of Ticket records. */
export interface SupportTicketSummary {
  count: number;
  labels: string[];
}

/** Entity under which TicketModel stores its records. */
export const TICKET_MODEL_ENTITY = 'TicketModel.Ticket';
