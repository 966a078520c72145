/** A Leave Request record as LeaveRequests stores it. */
export interface LeaveRequest {
  id: number;
  employeeNumber: string;
  fullName: string;
  salaryBand: number;
  startDate: Date;
}

/** What LeaveRequests reports about a batch of Leave Request records. */
export interface LeaveRequestSummary {
  count: number;
  labels: string[];
}

/** Entity under which LeaveRequests stores its records. */
export const LEAVE_REQUESTS_ENTITY = 'LeaveRequests.LeaveRequest';
