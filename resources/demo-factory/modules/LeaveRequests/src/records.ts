import { queryEntities, formatDate } from '@platform/runtime';
import { type LeaveRequest, type LeaveRequestSummary, LEAVE_REQUESTS_ENTITY } from './types';

/** One line describing a Leave Request, for logs and lists. */
export function describeLeaveRequest(value: LeaveRequest): string {
  const parts: string[] = [];
  parts.push(value.employeeNumber);
  parts.push(value.fullName);
  parts.push(String(value.salaryBand));
  parts.push(formatDate(value.startDate, 'yyyy-MM-dd'));
  return 'Leave Request ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Leave Request records. */
export function summarizeLeaveRequests(values: LeaveRequest[]): LeaveRequestSummary {
  const labels = values.map((value) => describeLeaveRequest(value));
  return { count: values.length, labels };
}

/** Reads Leave Request records, oldest first. */
export async function loadLeaveRequests(filter?: Record<string, unknown>): Promise<LeaveRequest[]> {
  const rows = await queryEntities<LeaveRequest>(LEAVE_REQUESTS_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
