import { loadAuditEntrys } from '@modules/AuditLib';
import { describeCustomerRecord, type CustomerRecord } from '@modules/CustomerCore';
import { summarizeSupportTickets } from '@modules/TicketModel';

/** Context lines TicketService gathers from the modules it builds on. */
export async function collectTicketServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const supportTicketSummary = summarizeSupportTickets([{ id: 12, subject: 'subject-11', priority: 13, status: 'status-13', openedAt: new Date(1701209600000) }]);
  lines.push(supportTicketSummary.count + ' from TicketModel: ' + supportTicketSummary.labels.join('; '));
  const customerRecordSample: CustomerRecord = { id: 19, name: 'name-18', email: 'email-19', creditLimit: 21, active: false, segments: ['segments'] };
  lines.push(describeCustomerRecord(customerRecordSample));
  const auditEntryList = await loadAuditEntrys({ requestedBy: 'TicketService' });
  lines.push('AuditLib: ' + auditEntryList.length + ' records');
  lines.push(...auditEntryList.slice(0, 3).map((item) => String(item.action)));
  return lines;
}
