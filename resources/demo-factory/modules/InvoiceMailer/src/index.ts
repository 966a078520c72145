import { log, saveEntity, setTimer } from '@platform/runtime';
import { describeInvoiceDocument, type InvoiceDocument } from '@modules/InvoiceLib';
import { loadMailTemplates } from '@modules/MailTemplates';
import { summarizeInvoiceMails, loadInvoiceMails } from './records';
import { type InvoiceMail, INVOICE_MAILER_ENTITY } from './types';

export { describeInvoiceMail, summarizeInvoiceMails, loadInvoiceMails } from './records';
export { INVOICE_MAILER_ENTITY } from './types';
export type { InvoiceMail, InvoiceMailSummary } from './types';

/** Registers the periodic refresh of InvoiceMailer. */
export function startInvoiceMailerJobs(): void {
  setTimer('InvoiceMailer.refresh', 60000, async () => {
    const records = await loadInvoiceMails();
    log('InvoiceMailer: refreshed ' + records.length + ' Invoice Mail records');
  });
}

/** Stores a Invoice Mail; resolves to its id. */
export async function saveInvoiceMail(value: InvoiceMail): Promise<number> {
  const id = await saveEntity(INVOICE_MAILER_ENTITY, { ...value });
  log('InvoiceMailer: saved Invoice Mail ' + id);
  return id;
}

/** Context lines InvoiceMailer gathers from the modules it builds on. */
export async function collectInvoiceMailerContext(): Promise<string[]> {
  const lines: string[] = [];
  const invoiceDocumentSample: InvoiceDocument = { id: 1, invoiceNumber: 'invoiceNumber-0', amount: 2, dueDate: new Date(1700172800000), paid: false };
  lines.push(describeInvoiceDocument(invoiceDocumentSample));
  const mailTemplateList = await loadMailTemplates({ requestedBy: 'InvoiceMailer' });
  lines.push('MailTemplates: ' + mailTemplateList.length + ' records');
  lines.push(...mailTemplateList.slice(0, 3).map((item) => String(item.delivered)));
  return lines;
}

/** Name under which InvoiceMailer reports to the platform console. */
export const INVOICE_MAILER_MODULE = 'InvoiceMailer';

/** A one-line health report of InvoiceMailer: invoice mailing. */
export async function invoiceMailerHealth(): Promise<string> {
  const records = await loadInvoiceMails();
  const summary = summarizeInvoiceMails(records);
  const parts: string[] = [INVOICE_MAILER_MODULE, summary.count + ' records'];
  const context = await collectInvoiceMailerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
