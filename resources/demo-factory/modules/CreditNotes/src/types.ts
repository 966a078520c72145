/** A Credit Note record as CreditNotes stores it. */
export interface CreditNote {
  id: number;
  invoiceNumber: string;
  amount: number;
  dueDate: Date;
  paid: boolean;
}

/** What CreditNotes reports about a batch of Credit Note records. */
export interface CreditNoteSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CreditNotes stores its records. */
export const CREDIT_NOTES_ENTITY = 'CreditNotes.CreditNote';
