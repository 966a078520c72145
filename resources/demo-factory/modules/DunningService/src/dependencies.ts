import { summarizeBillingRuns } from '@modules/BillingService';

/** Context lines DunningService gathers from the modules it builds on. */
export async function collectDunningServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const billingRunSummary = summarizeBillingRuns([{ id: 9, invoiceNumber: 'invoiceNumber-8', amount: 10, dueDate: new Date(1700864000000), paid: false }]);
  lines.push(billingRunSummary.count + ' from BillingService: ' + billingRunSummary.labels.join('; '));
  return lines;
}
