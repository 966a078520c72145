import { queryEntities, formatDate } from '@platform/runtime';
import { type InvoiceMail, type InvoiceMailSummary, INVOICE_MAILER_ENTITY } from './types';

/** One line describing a Invoice Mail, for logs and lists. */
export function describeInvoiceMail(value: InvoiceMail): string {
  return 'Invoice Mail #' + value.id + ': ' + [value.recipient, value.subject, formatDate(value.sentAt, 'yyyy-MM-dd'), (value.delivered ? 'delivered' : 'not delivered')].join(' | ');
}

/** Counts and labels a batch of Invoice Mail records. */
export function summarizeInvoiceMails(values: InvoiceMail[]): InvoiceMailSummary {
  const labels = values.map((value) => describeInvoiceMail(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Invoice Mail records, oldest first. */
export async function loadInvoiceMails(filter?: Record<string, unknown>): Promise<InvoiceMail[]> {
  const rows = await queryEntities<InvoiceMail>(INVOICE_MAILER_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
