import { log, queryEntities, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { loadEmployeeRecords } from '@modules/EmployeeCore';
import { summarizePayrollLines } from '@modules/PayrollLib';
import { type HrAnnouncement, type HrAnnouncementSummary, HR_PORTAL_ENTITY } from './types';

export { HR_PORTAL_ENTITY } from './types';
export type { HrAnnouncement, HrAnnouncementSummary } from './types';

/** One line describing a Announcement, for logs and lists. */
export function describeHrAnnouncement(value: HrAnnouncement): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.path);
  parts.push((value.published ? 'published' : 'not published'));
  return 'Announcement ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Announcement records. */
export function summarizeHrAnnouncements(values: HrAnnouncement[]): HrAnnouncementSummary {
  const labels = values.map((value) => describeHrAnnouncement(value));
  return { count: values.length, labels };
}

/** Reads Announcement records, oldest first. */
export async function loadHrAnnouncements(filter?: Record<string, unknown>): Promise<HrAnnouncement[]> {
  const rows = await queryEntities<HrAnnouncement>(HR_PORTAL_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** A dashboard as HrPortal shows it. */
export interface HrPortalDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Announcement records. */
export function canEditHrAnnouncement(user: CurrentUser): boolean {
  return user.roles.indexOf('HrPortal.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the HrPortal dashboard for the current user. */
export async function buildHrPortalDashboard(): Promise<HrPortalDashboard> {
  const user = getCurrentUser();
  const records = await loadHrAnnouncements({ owner: user.id });
  return {
    title: 'Announcement dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeHrAnnouncement(record)),
    editable: canEditHrAnnouncement(user),
  };
}

/** Context lines HrPortal gathers from the modules it builds on. */
export async function collectHrPortalContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordList = await loadEmployeeRecords({ requestedBy: 'HrPortal' });
  lines.push('EmployeeCore: ' + employeeRecordList.length + ' records');
  lines.push(...employeeRecordList.slice(0, 3).map((item) => String(item.startDate)));
  const payrollLineSummary = summarizePayrollLines([{ id: 15, reference: 'reference-14', amount: 16, currency: 'currency-16', settled: false }]);
  lines.push(payrollLineSummary.count + ' from PayrollLib: ' + payrollLineSummary.labels.join('; '));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which HrPortal reports to the platform console. */
export const HR_PORTAL_MODULE = 'HrPortal';

/** A one-line health report of HrPortal: the HR intranet. */
export async function hrPortalHealth(): Promise<string> {
  const records = await loadHrAnnouncements();
  const summary = summarizeHrAnnouncements(records);
  const parts: string[] = [HR_PORTAL_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectHrPortalContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
