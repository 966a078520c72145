/** A SLA Breach record as SlaMonitor stores it. */
export interface SlaBreach {
  id: number;
  subject: string;
  priority: number;
  status: string;
  openedAt: Date;
}

/** What SlaMonitor reports about a batch of SLA Breach records. */
export interface SlaBreachSummary {
  count: number;
  labels: string[];
}

/** Entity under which SlaMonitor stores its records. */
export const SLA_MONITOR_ENTITY = 'SlaMonitor.SLABreach';
