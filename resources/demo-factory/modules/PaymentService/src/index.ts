import { log } from '@platform/runtime';
import { loadBankTransfers } from '@modules/BankTransfers';
import { describeCardCharge, type CardCharge } from '@modules/CardGateway';
import { summarizeInvoiceDocuments } from '@modules/InvoiceLib';
import { summarizeSettlements, loadSettlements } from './records';

export { startPaymentServiceJobs, saveSettlement } from './jobs';
export { describeSettlement, summarizeSettlements, loadSettlements } from './records';
export { PAYMENT_SERVICE_ENTITY } from './types';
export type { Settlement, SettlementSummary } from './types';

/** Context lines PaymentService gathers from the modules it builds on. */
export async function collectPaymentServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const cardChargeSample: CardCharge = { id: 7, reference: 'reference-6', amount: 8, currency: 'currency-8', settled: false };
  lines.push(describeCardCharge(cardChargeSample));
  const bankTransferList = await loadBankTransfers({ requestedBy: 'PaymentService' });
  lines.push('BankTransfers: ' + bankTransferList.length + ' records');
  lines.push(...bankTransferList.slice(0, 3).map((item) => String(item.amount)));
  const invoiceDocumentSummary = summarizeInvoiceDocuments([{ id: 21, invoiceNumber: 'invoiceNumber-20', amount: 22, dueDate: new Date(1701900800000), paid: false }]);
  lines.push(invoiceDocumentSummary.count + ' from InvoiceLib: ' + invoiceDocumentSummary.labels.join('; '));
  return lines;
}

/** Name under which PaymentService reports to the platform console. */
export const PAYMENT_SERVICE_MODULE = 'PaymentService';

/** A one-line health report of PaymentService: settlement of invoices. */
export async function paymentServiceHealth(): Promise<string> {
  const records = await loadSettlements();
  const summary = summarizeSettlements(records);
  const parts: string[] = [PAYMENT_SERVICE_MODULE, summary.count + ' records'];
  const context = await collectPaymentServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
