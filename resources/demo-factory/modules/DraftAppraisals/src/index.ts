import { log, queryEntities, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { summarizeEmployeeRecords } from '@modules/EmployeeCore';
import { type Appraisal, type AppraisalSummary, DRAFT_APPRAISALS_ENTITY } from './types';

export { DRAFT_APPRAISALS_ENTITY } from './types';
export type { Appraisal, AppraisalSummary } from './types';

/** One line describing a Appraisal, for logs and lists. */
export function describeAppraisal(value: Appraisal): string {
  const parts: string[] = [];
  parts.push(value.title);
  parts.push(value.period);
  parts.push(String(value.rows));
  parts.push((value.generated ? 'generated' : 'not generated'));
  return 'Appraisal ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Appraisal records. */
export function summarizeAppraisals(values: Appraisal[]): AppraisalSummary {
  const labels = values.map((value) => describeAppraisal(value));
  return { count: values.length, labels };
}

/** Reads Appraisal records, oldest first. */
export async function loadAppraisals(filter?: Record<string, unknown>): Promise<Appraisal[]> {
  const rows = await queryEntities<Appraisal>(DRAFT_APPRAISALS_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** A dashboard as DraftAppraisals shows it. */
export interface DraftAppraisalsDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Appraisal records. */
export function canEditAppraisal(user: CurrentUser): boolean {
  return user.roles.indexOf('DraftAppraisals.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the DraftAppraisals dashboard for the current user. */
export async function buildDraftAppraisalsDashboard(): Promise<DraftAppraisalsDashboard> {
  const user = getCurrentUser();
  const records = await loadAppraisals({ owner: user.id });
  return {
    title: 'Appraisal dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeAppraisal(record)),
    editable: canEditAppraisal(user),
  };
}

/** Context lines DraftAppraisals gathers from the modules it builds on. */
export async function collectDraftAppraisalsContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordSummary = summarizeEmployeeRecords([{ id: 12, employeeNumber: 'employeeNumber-11', fullName: 'fullName-12', salaryBand: 14, startDate: new Date(1701209600000) }]);
  lines.push(employeeRecordSummary.count + ' from EmployeeCore: ' + employeeRecordSummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which DraftAppraisals reports to the platform console. */
export const DRAFT_APPRAISALS_MODULE = 'DraftAppraisals';

/** A one-line health report of DraftAppraisals: yearly appraisals (draft). */
export async function draftAppraisalsHealth(): Promise<string> {
  const records = await loadAppraisals();
  const summary = summarizeAppraisals(records);
  const parts: string[] = [DRAFT_APPRAISALS_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectDraftAppraisalsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
