/** A Headcount record as HrReports stores it. */
export interface HeadcountFigure {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What HrReports reports about a batch of Headcount records. */
export interface HeadcountFigureSummary {
  count: number;
  labels: string[];
}

/** Entity under which HrReports stores its records. */
export const HR_REPORTS_ENTITY = 'HrReports.Headcount';
