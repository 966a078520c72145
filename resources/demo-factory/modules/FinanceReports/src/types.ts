/** A Finance KPI record as FinanceReports stores it. */
export interface FinanceKpi {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What FinanceReports reports about a batch of Finance KPI records. */
export interface FinanceKpiSummary {
  count: number;
  labels: string[];
}

/** Entity under which FinanceReports stores its records. */
export const FINANCE_REPORTS_ENTITY = 'FinanceReports.FinanceKPI';
