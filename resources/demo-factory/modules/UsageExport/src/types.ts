/** A Usage Record record as UsageExport stores it. */
export interface UsageRecord {
  id: number;
  name: string;
  source: string;
  count: number;
  recordedAt: Date;
}

/** What UsageExport reports about a batch of Usage Record records. */
export interface UsageRecordSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which UsageExport stores its records. */
export const USAGE_EXPORT_ENTITY = 'UsageExport.UsageRecord';
