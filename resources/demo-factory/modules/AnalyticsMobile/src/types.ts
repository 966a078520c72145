/** A KPI Card record as AnalyticsMobile stores it. */
export interface KpiCard {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What AnalyticsMobile reports about a batch of KPI Card records. */
export interface KpiCardSummary {
  count: number;
  labels: string[];
}

/** Entity under which AnalyticsMobile stores its records. */
export const ANALYTICS_MOBILE_ENTITY = 'AnalyticsMobile.KPICard';
