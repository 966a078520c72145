import { log, getCurrentUser, sendMailLegacy } from '@platform/runtime';
import { collectTicketMailerContext } from './dependencies';
import { describeTicketMail, summarizeTicketMails, loadTicketMails } from './records';
import type { TicketMail } from './types';

export { collectTicketMailerContext } from './dependencies';
export { startTicketMailerJobs, saveTicketMail } from './jobs';
export { describeTicketMail, summarizeTicketMails, loadTicketMails } from './records';
export { TICKET_MAILER_ENTITY } from './types';
export type { TicketMail, TicketMailSummary } from './types';

/** Mails the current user that a Ticket Mail changed. */
export function notifyTicketMailerOwner(value: TicketMail): void {
  const user = getCurrentUser();
  sendMailLegacy(user.email, 'Ticket Mail changed: ' + describeTicketMail(value));
}

/** Name under which TicketMailer reports to the platform console. */
export const TICKET_MAILER_MODULE = 'TicketMailer';

/** A one-line health report of TicketMailer: ticket mails. */
export async function ticketMailerHealth(): Promise<string> {
  const records = await loadTicketMails();
  const summary = summarizeTicketMails(records);
  const parts: string[] = [TICKET_MAILER_MODULE, summary.count + ' records'];
  const context = await collectTicketMailerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
