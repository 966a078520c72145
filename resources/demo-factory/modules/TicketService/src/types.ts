/** A Ticket Update record as TicketService stores it. */
export interface TicketUpdate {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What TicketService reports about a batch of Ticket Update records. */
export interface TicketUpdateSummary {
  count: number;
  labels: string[];
}

/** Entity under which TicketService stores its records. */
export const TICKET_SERVICE_ENTITY = 'TicketService.TicketUpdate';
