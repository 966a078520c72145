import { log } from '@platform/runtime';
import { describeAuditEntry, type AuditEntry } from '@modules/AuditLib';
import { summarizeAppSettings } from '@modules/CommonLib';
import { describeInvoiceDocument, summarizeInvoiceDocuments, loadInvoiceDocuments } from './format';
import type { InvoiceDocument } from './types';

export { describeInvoiceDocument, summarizeInvoiceDocuments, loadInvoiceDocuments } from './format';
export { INVOICE_LIB_ENTITY } from './types';
export type { InvoiceDocument, InvoiceDocumentSummary } from './types';

/** Orders Invoice records by their description, then by id. */
export function compareInvoiceDocuments(left: InvoiceDocument, right: InvoiceDocument): number {
  return describeInvoiceDocument(left).localeCompare(describeInvoiceDocument(right)) || left.id - right.id;
}

/** Indexes Invoice records by id; the last one wins on duplicates. */
export function indexInvoiceDocumentsById(values: InvoiceDocument[]): Map<number, InvoiceDocument> {
  const byId = new Map<number, InvoiceDocument>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines InvoiceLib gathers from the modules it builds on. */
export async function collectInvoiceLibContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 6, key: 'key-5', value: 'value-6', updatedAt: new Date(1700604800000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  const auditEntrySample: AuditEntry = { id: 13, actor: 'actor-12', action: 'action-13', occurredAt: new Date(1701209600000) };
  lines.push(describeAuditEntry(auditEntrySample));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which InvoiceLib reports to the platform console. */
export const INVOICE_LIB_MODULE = 'InvoiceLib';

/** A one-line health report of InvoiceLib: invoice documents. */
export async function invoiceLibHealth(): Promise<string> {
  const records = await loadInvoiceDocuments();
  const summary = summarizeInvoiceDocuments(records);
  const parts: string[] = [INVOICE_LIB_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectInvoiceLibContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
