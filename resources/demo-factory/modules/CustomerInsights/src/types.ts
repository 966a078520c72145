/** A Insight record as CustomerInsights stores it. */
export interface CustomerInsight {
  id: number;
  title: string;
  period: string;
  rows: number;
  generated: boolean;
}

/** What CustomerInsights reports about a batch of Insight records. */
export interface CustomerInsightSummary {
  count: number;
  labels: string[];
}

/** Entity under which CustomerInsights stores its records. */
export const CUSTOMER_INSIGHTS_ENTITY = 'CustomerInsights.Insight';
