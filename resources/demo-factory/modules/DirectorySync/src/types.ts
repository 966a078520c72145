/** A HR Feed Record record as DirectorySync stores it. */
export interface HrFeedRecord {
  id: number;
  fullName: string;
  email: string;
  department: string;
  active: boolean;
}

/** What DirectorySync reports about a batch of HR Feed Record records. */
export interface HrFeedRecordSummary {
  count: number;
  labels: string[];
}

/** Entity under which DirectorySync stores its records. */
export const DIRECTORY_SYNC_ENTITY = 'DirectorySync.HRFeedRecord';
