/** A Report Page record as ReportViewer stores it. */
export interface ReportPage {
  id: number;
  title: string;
  path: string;
  published: boolean;
}

/** What ReportViewer reports about a batch of Report Page records. */
export interface ReportPageSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which ReportViewer stores its records. */
export const REPORT_VIEWER_ENTITY = 'ReportViewer.ReportPage';
