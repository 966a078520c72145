import { log, formatDate, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describeRoleAssignment, type RoleAssignment } from '@modules/RoleManager';
import { describeAccessCertification, summarizeAccessCertifications, loadAccessCertifications } from './records';

export { describeAccessCertification, summarizeAccessCertifications, loadAccessCertifications } from './records';
export { ACCESS_REVIEW_ENTITY } from './types';
export type { AccessCertification, AccessCertificationSummary } from './types';

/** A dashboard as AccessReview shows it. */
export interface AccessReviewDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Access Certification records. */
export function canEditAccessCertification(user: CurrentUser): boolean {
  return user.roles.indexOf('AccessReview.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the AccessReview dashboard for the current user. */
export async function buildAccessReviewDashboard(): Promise<AccessReviewDashboard> {
  const user = getCurrentUser();
  const records = await loadAccessCertifications({ owner: user.id });
  return {
    title: 'Access Certification dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeAccessCertification(record)),
    editable: canEditAccessCertification(user),
  };
}

/** Context lines AccessReview gathers from the modules it builds on. */
export async function collectAccessReviewContext(): Promise<string[]> {
  const lines: string[] = [];
  const roleAssignmentSample: RoleAssignment = { id: 10, login: 'login-9', roles: ['roles'], expiresAt: new Date(1700950400000), enabled: true };
  lines.push(describeRoleAssignment(roleAssignmentSample));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which AccessReview reports to the platform console. */
export const ACCESS_REVIEW_MODULE = 'AccessReview';

/** A one-line health report of AccessReview: quarterly access reviews. */
export async function accessReviewHealth(): Promise<string> {
  const records = await loadAccessCertifications();
  const summary = summarizeAccessCertifications(records);
  const parts: string[] = [ACCESS_REVIEW_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectAccessReviewContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
