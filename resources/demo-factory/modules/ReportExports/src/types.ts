/** A Export Job record as ReportExports stores it. */
export interface ExportJob {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What ReportExports reports about a batch of Export Job records. */
export interface ExportJobSummary {
  count: number;
  labels: string[];
}

/** Entity under which ReportExports stores its records. */
export const REPORT_EXPORTS_ENTITY = 'ReportExports.ExportJob';

/** Largest batch saved at once. */
export const REPORT_EXPORTS_MAX_BATCH: number = '250';
