/** A Customs Form record as DraftCustomsForms stores it. */
export interface CustomsForm {
  id: number;
  trackingNumber: string;
  carrier: string;
  weightKg: number;
  shippedAt: Date;
}

/** What DraftCustomsForms reports about a batch of Customs Form records. */
export interface CustomsFormSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftCustomsForms stores its records. */
export const DRAFT_CUSTOMS_FORMS_ENTITY = 'DraftCustomsForms.CustomsForm';
