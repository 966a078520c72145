import { log } from '@platform/runtime';
import { describeBillingRun, type BillingRun } from '@modules/BillingService';
import { loadInvoiceDocuments } from '@modules/InvoiceLib';
import { summarizeSalesOrders } from '@modules/OrderService';
import { summarizeBillingStatements, loadBillingStatements } from './records';

export { canEditBillingStatement, buildBillingPortalDashboard } from './dashboard';
export type { BillingPortalDashboard } from './dashboard';
export { describeBillingStatement, summarizeBillingStatements, loadBillingStatements } from './records';
export { BILLING_PORTAL_ENTITY } from './types';
export type { BillingStatement, BillingStatementSummary } from './types';

/** Context lines BillingPortal gathers from the modules it builds on. */
export async function collectBillingPortalContext(): Promise<string[]> {
  const lines: string[] = [];
  const salesOrderSummary = summarizeSalesOrders([{ id: 6, orderNumber: 'orderNumber-5', customerId: 7, total: 8, placedAt: new Date(1700691200000) }]);
  lines.push(salesOrderSummary.count + ' from OrderService: ' + salesOrderSummary.labels.join('; '));
  const billingRunSample: BillingRun = { id: 13, invoiceNumber: 'invoiceNumber-12', amount: 14, dueDate: new Date(1701209600000), paid: false };
  lines.push(describeBillingRun(billingRunSample));
  const invoiceDocumentList = await loadInvoiceDocuments({ requestedBy: 'BillingPortal' });
  lines.push('InvoiceLib: ' + invoiceDocumentList.length + ' records');
  lines.push(...invoiceDocumentList.slice(0, 3).map((item) => String(item.paid)));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which BillingPortal reports to the platform console. */
export const BILLING_PORTAL_MODULE = 'BillingPortal';

/** A one-line health report of BillingPortal: customer statements. */
export async function billingPortalHealth(): Promise<string> {
  const records = await loadBillingStatements();
  const summary = summarizeBillingStatements(records);
  const parts: string[] = [BILLING_PORTAL_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectBillingPortalContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
