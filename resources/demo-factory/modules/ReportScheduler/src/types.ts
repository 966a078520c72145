/** A Report Schedule record as ReportScheduler stores it. */
export interface ReportSchedule {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What ReportScheduler reports about a batch of Report Schedule records. */
export interface ReportScheduleSummary {
  count: number;
  labels: string[];
}

/** Entity under which ReportScheduler stores its records. */
export const REPORT_SCHEDULER_ENTITY = 'ReportScheduler.ReportSchedule';
