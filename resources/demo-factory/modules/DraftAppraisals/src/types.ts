/** A Appraisal record as DraftAppraisals stores it. */
export interface Appraisal {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What DraftAppraisals reports about a batch of Appraisal records. */
export interface AppraisalSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftAppraisals stores its records. */
export const DRAFT_APPRAISALS_ENTITY = 'DraftAppraisals.Appraisal';
