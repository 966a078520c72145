/** A Time Entry record as HrMobile stores it. */
export interface TimeEntry {
  id: number;
  employeeNumber: string;
  fullName: string;
  salaryBand: number;
  startDate: Date;
}

/** What HrMobile reports about a batch of Time Entry records. */
export interface TimeEntrySummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which HrMobile stores its records. */
export const HR_MOBILE_ENTITY = 'HrMobile.TimeEntry';
