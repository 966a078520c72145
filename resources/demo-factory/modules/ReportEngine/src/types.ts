/** A Report record as ReportEngine stores it. */
export interface ReportDefinition {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What ReportEngine reports about a batch of Report records. */
export interface ReportDefinitionSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which ReportEngine stores its records. */
export const REPORT_ENGINE_ENTITY = 'ReportEngine.Report';
