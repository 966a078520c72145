/** A Invoice Mail record as InvoiceMailer stores it. */
export interface InvoiceMail {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What InvoiceMailer reports about a batch of Invoice Mail records. */
export interface InvoiceMailSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which InvoiceMailer stores its records. */
export const INVOICE_MAILER_ENTITY = 'InvoiceMailer.InvoiceMail';
