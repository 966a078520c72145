import { log, getSessionValue, setSessionValue } from '@platform/runtime';
import { summarizeEmployeeRecords } from '@modules/EmployeeCore';
import { summarizeLeaveRequests, loadLeaveRequests } from './records';

export { canEditLeaveRequest, buildLeaveRequestsDashboard } from './dashboard';
export type { LeaveRequestsDashboard } from './dashboard';
export { describeLeaveRequest, summarizeLeaveRequests, loadLeaveRequests } from './records';
export { LEAVE_REQUESTS_ENTITY } from './types';
export type { LeaveRequest, LeaveRequestSummary } from './types';

/** Context lines LeaveRequests gathers from the modules it builds on. */
export async function collectLeaveRequestsContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordSummary = summarizeEmployeeRecords([{ id: 6, employeeNumber: 'employeeNumber-5', fullName: 'fullName-6', salaryBand: 8, startDate: new Date(1700691200000) }]);
  lines.push(employeeRecordSummary.count + ' from EmployeeCore: ' + employeeRecordSummary.labels.join('; '));
  return lines;
}

/** A preference of the current user for LeaveRequests, remembered in the session. */
export function leaveRequestsPreference(key: string, fallback: string): string {
  const stored = getSessionValue('LeaveRequests.' + key);
  if (stored === undefined) {
    setSessionValue('LeaveRequests.' + key, fallback);
    return fallback;
  }
  return stored;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which LeaveRequests reports to the platform console. */
export const LEAVE_REQUESTS_MODULE = 'LeaveRequests';

/** A one-line health report of LeaveRequests: leave requests. */
export async function leaveRequestsHealth(): Promise<string> {
  const records = await loadLeaveRequests();
  const summary = summarizeLeaveRequests(records);
  const parts: string[] = [LEAVE_REQUESTS_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectLeaveRequestsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
