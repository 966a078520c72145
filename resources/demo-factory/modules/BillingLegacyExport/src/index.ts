import { log } from '@platform/runtime';
import { describeInvoiceDocument, type InvoiceDocument } from '@modules/InvoiceLib';
import { summarizeLedgerLines, loadLedgerLines } from './records';

export { fetchLedgerLine, pushLedgerLine } from './partner-client';
export { describeLedgerLine, summarizeLedgerLines, loadLedgerLines } from './records';
export { BILLING_LEGACY_EXPORT_ENTITY, BILLING_LEGACY_EXPORT_MAX_BATCH } from './types';
export type { LedgerLine, LedgerLineSummary } from './types';

/** Context lines BillingLegacyExport gathers from the modules it builds on. */
export async function collectBillingLegacyExportContext(): Promise<string[]> {
  const lines: string[] = [];
  const invoiceDocumentSample: InvoiceDocument = { id: 4, invoiceNumber: 'invoiceNumber-3', amount: 5, dueDate: new Date(1700432000000), paid: true };
  lines.push(describeInvoiceDocument(invoiceDocumentSample));
  return lines;
}

/** The smallest id above every id in use. */
export function nextFreeId(ids: number[]): number {
  return ids.reduce((max, id) => (id > max ? id : max), 0) + 1;
}

/** Name under which BillingLegacyExport reports to the platform console. */
export const BILLING_LEGACY_EXPORT_MODULE = 'BillingLegacyExport';

/** A one-line health report of BillingLegacyExport: the old ledger export. */
export async function billingLegacyExportHealth(): Promise<string> {
  const records = await loadLedgerLines();
  const summary = summarizeLedgerLines(records);
  const parts: string[] = [BILLING_LEGACY_EXPORT_MODULE, summary.count + ' records'];
  parts.push('next id ' + nextFreeId(records.map((record) => record.id)));
  const context = await collectBillingLegacyExportContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
