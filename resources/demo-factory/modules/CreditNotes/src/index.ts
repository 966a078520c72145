import { log, saveEntity, setTimer } from '@platform/runtime';
import { describeInvoiceDocument, type InvoiceDocument } from '@modules/InvoiceLib';
import { summarizeCreditNotes, loadCreditNotes } from './records';
import { type CreditNote, CREDIT_NOTES_ENTITY } from './types';

export { describeCreditNote, summarizeCreditNotes, loadCreditNotes } from './records';
export { CREDIT_NOTES_ENTITY } from './types';
export type { CreditNote, CreditNoteSummary } from './types';

/** Registers the periodic refresh of CreditNotes. */
export function startCreditNotesJobs(): void {
  setTimer('CreditNotes.refresh', 60000, async () => {
    const records = await loadCreditNotes();
    log('CreditNotes: refreshed ' + records.length + ' Credit Note records');
  });
}

/** Stores a Credit Note; resolves to its id. */
export async function saveCreditNote(value: CreditNote): Promise<number> {
  const id = await saveEntity(CREDIT_NOTES_ENTITY, { ...value });
  log('CreditNotes: saved Credit Note ' + id);
  return id;
}

/** Context lines CreditNotes gathers from the modules it builds on. */
export async function collectCreditNotesContext(): Promise<string[]> {
  const lines: string[] = [];
  const invoiceDocumentSample: InvoiceDocument = { id: 1, invoiceNumber: 'invoiceNumber-0', amount: 2, dueDate: new Date(1700172800000), paid: false };
  lines.push(describeInvoiceDocument(invoiceDocumentSample));
  return lines;
}

/** Name under which CreditNotes reports to the platform console. */
export const CREDIT_NOTES_MODULE = 'CreditNotes';

/** A one-line health report of CreditNotes: credit notes. */
export async function creditNotesHealth(): Promise<string> {
  const records = await loadCreditNotes();
  const summary = summarizeCreditNotes(records);
  const parts: string[] = [CREDIT_NOTES_MODULE, summary.count + ' records'];
  const context = await collectCreditNotesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
