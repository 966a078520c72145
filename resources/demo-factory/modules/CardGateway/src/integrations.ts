import { summarizeAuditEntrys } from '@modules/AuditLib';
import { loadPaymentInstructions } from '@modules/PaymentModel';

/** Context lines CardGateway gathers from the modules it builds on. */
export async function collectCardGatewayContext(): Promise<string[]> {
  const lines: string[] = [];
  const paymentInstructionList = await loadPaymentInstructions({ requestedBy: 'CardGateway' });
  lines.push('PaymentModel: ' + paymentInstructionList.length + ' records');
  lines.push(...paymentInstructionList.slice(0, 3).map((item) => String(item.amount)));
  const auditEntrySummary = summarizeAuditEntrys([{ id: 9, actor: 'actor-8', action: 'action-9', occurredAt: new Date(1700864000000) }]);
  lines.push(auditEntrySummary.count + ' from AuditLib: ' + auditEntrySummary.labels.join('; '));
  return lines;
}
