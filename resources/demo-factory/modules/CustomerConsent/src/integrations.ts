import { describeAuditEntry, type AuditEntry } from '@modules/AuditLib';
import { summarizeCustomerRecords } from '@modules/CustomerCore';

/** Context lines CustomerConsent gathers from the modules it builds on. */
export async function collectCustomerConsentContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordSummary = summarizeCustomerRecords([{ id: 6, name: 'name-5', email: 'email-6', creditLimit: 8, active: true, segments: ['segments'] }]);
  lines.push(customerRecordSummary.count + ' from CustomerCore: ' + customerRecordSummary.labels.join('; '));
  const auditEntrySample: AuditEntry = { id: 13, actor: 'actor-12', action: 'action-13', occurredAt: new Date(1701209600000) };
  lines.push(describeAuditEntry(auditEntrySample));
  return lines;
}
