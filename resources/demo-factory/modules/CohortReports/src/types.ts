/** A Cohort record as CohortReports stores it. */
export interface CohortRow {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What CohortReports reports about a batch of Cohort records. */
export interface CohortRowSummary {
  count: number;
  labels: string[];
}

/** Entity under which CohortReports stores its records. */
export const COHORT_REPORTS_ENTITY = 'CohortReports.Cohort';
