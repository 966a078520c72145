/** A Funnel Step record as FunnelAnalysis stores it. */
export interface FunnelStep {
  id: number;
  name: string;
  source: string;
  count: number;
  recordedAt: Date;
}

/** What FunnelAnalysis reports about a batch of Funnel Step records. */
export interface FunnelStepSummary {
  count: number;
  labels: string[];
}

/** Entity under which FunnelAnalysis stores its records. */
export const FUNNEL_ANALYSIS_ENTITY = 'FunnelAnalysis.FunnelStep';
