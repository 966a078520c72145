import { describeAuditEntry, type AuditEntry } from '@modules/AuditLib';
import { summarizeMailTemplates } from '@modules/MailTemplates';

/** Context lines NotificationHub gathers from the modules it builds on. */
export async function collectNotificationHubContext(): Promise<string[]> {
  const lines: string[] = [];
  const mailTemplateSummary = summarizeMailTemplates([{ id: 6, recipient: 'recipient-5', subject: 'subject-6', sentAt: new Date(1700604800000), delivered: true }]);
  lines.push(mailTemplateSummary.count + ' from MailTemplates: ' + mailTemplateSummary.labels.join('; '));
  const auditEntrySample: AuditEntry = { id: 13, actor: 'actor-12', action: 'action-13', occurredAt: new Date(1701209600000) };
  lines.push(describeAuditEntry(auditEntrySample));
  return lines;
}
