import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadTicketMails } from './records';
import { type TicketMail, TICKET_MAILER_ENTITY } from './types';

/** Registers the periodic refresh of TicketMailer. */
export function startTicketMailerJobs(): void {
  setTimer('TicketMailer.refresh', 180000, async () => {
    const records = await loadTicketMails();
    log('TicketMailer: refreshed ' + records.length + ' Ticket Mail records');
  });
}

/** Stores a Ticket Mail; resolves to its id. */
export async function saveTicketMail(value: TicketMail): Promise<number> {
  const id = await saveEntity(TICKET_MAILER_ENTITY, { ...value });
  log('TicketMailer: saved Ticket Mail ' + id);
  return id;
}
