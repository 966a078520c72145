/** A Invoice record as InvoiceLib stores it. */
export interface InvoiceDocument {
  id: number;
  invoiceNumber: string;
  amount: number;
  dueDate: Date;
  paid: boolean;
}

/** What InvoiceLib reports about a batch of Invoice records. */
export interface InvoiceDocumentSummary {
  count: number;
  labels: string[];
}

/** Entity under which InvoiceLib stores its records. */
export const INVOICE_LIB_ENTITY = 'InvoiceLib.Invoice';
