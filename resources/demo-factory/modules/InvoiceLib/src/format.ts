import { queryEntities, formatDate } from '@platform/runtime';
import { type InvoiceDocument, type InvoiceDocumentSummary, INVOICE_LIB_ENTITY } from './types';

/** One line describing a Invoice, for logs and lists. */
export function describeInvoiceDocument(value: InvoiceDocument): string {
  const parts: string[] = [];
  parts.push(value.invoiceNumber);
  parts.push(value.amount.toFixed(2));
  parts.push(formatDate(value.dueDate, 'yyyy-MM-dd'));
  parts.push((value.paid ? 'paid' : 'not paid'));
  return 'Invoice ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Invoice records. */
export function summarizeInvoiceDocuments(values: InvoiceDocument[]): InvoiceDocumentSummary {
  const labels = values.map((value) => describeInvoiceDocument(value));
  return { count: values.length, labels };
}

/** Reads Invoice records, oldest first. */
export async function loadInvoiceDocuments(filter?: Record<string, unknown>): Promise<InvoiceDocument[]> {
  const rows = await queryEntities<InvoiceDocument>(INVOICE_LIB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
