import { getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describeLeaveRequest, loadLeaveRequests } from './records';

/** A dashboard as LeaveRequests shows it. */
export interface LeaveRequestsDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Leave Request records. */
export function canEditLeaveRequest(user: CurrentUser): boolean {
  return user.roles.indexOf('LeaveRequests.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the LeaveRequests dashboard for the current user. */
export async function buildLeaveRequestsDashboard(): Promise<LeaveRequestsDashboard> {
  const user = getCurrentUser();
  const records = await loadLeaveRequests({ owner: user.id });
  return {
    title: 'Leave Request dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeLeaveRequest(record)),
    editable: canEditLeaveRequest(user),
  };
}
