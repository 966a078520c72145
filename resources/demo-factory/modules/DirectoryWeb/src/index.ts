import { log, queryEntities, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { summarizeDirectoryPersons } from '@modules/Directory';
import { type DirectoryCard, type DirectoryCardSummary, DIRECTORY_WEB_ENTITY } from './types';

export { DIRECTORY_WEB_ENTITY } from './types';
export type { DirectoryCard, DirectoryCardSummary } from './types';

/** One line describing a Person Card, for logs and lists. */
export function describeDirectoryCard(value: DirectoryCard): string {
  const parts: string[] = [];
  parts.push(value.fullName);
  parts.push(value.email);
  parts.push(value.department);
  parts.push((value.active ? 'active' : 'not active'));
  return 'Person Card ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Person Card records. */
export function summarizeDirectoryCards(values: DirectoryCard[]): DirectoryCardSummary {
  const labels = values.map((value) => describeDirectoryCard(value));
  return { count: values.length, labels };
}

/** Reads Person Card records, oldest first. */
export async function loadDirectoryCards(filter?: Record<string, unknown>): Promise<DirectoryCard[]> {
  const rows = await queryEntities<DirectoryCard>(DIRECTORY_WEB_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** A dashboard as DirectoryWeb shows it. */
export interface DirectoryWebDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Person Card records. */
export function canEditDirectoryCard(user: CurrentUser): boolean {
  return user.roles.indexOf('DirectoryWeb.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the DirectoryWeb dashboard for the current user. */
export async function buildDirectoryWebDashboard(): Promise<DirectoryWebDashboard> {
  const user = getCurrentUser();
  const records = await loadDirectoryCards({ owner: user.id });
  return {
    title: 'Person Card dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeDirectoryCard(record)),
    editable: canEditDirectoryCard(user),
  };
}

/** Context lines DirectoryWeb gathers from the modules it builds on. */
export async function collectDirectoryWebContext(): Promise<string[]> {
  const lines: string[] = [];
  const directoryPersonSummary = summarizeDirectoryPersons([{ id: 12, fullName: 'fullName-11', email: 'email-12', department: 'department-13', active: true }]);
  lines.push(directoryPersonSummary.count + ' from Directory: ' + directoryPersonSummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which DirectoryWeb reports to the platform console. */
export const DIRECTORY_WEB_MODULE = 'DirectoryWeb';

/** A one-line health report of DirectoryWeb: directory search pages. */
export async function directoryWebHealth(): Promise<string> {
  const records = await loadDirectoryCards();
  const summary = summarizeDirectoryCards(records);
  const parts: string[] = [DIRECTORY_WEB_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectDirectoryWebContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
