import { log, queryEntities, formatDate, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { loadThemeTokens } from '@modules/PortalTheme';
import { type FeedbackEntry, type FeedbackEntrySummary, PORTAL_FEEDBACK_ENTITY } from './types';

export { PORTAL_FEEDBACK_ENTITY } from './types';
export type { FeedbackEntry, FeedbackEntrySummary } from './types';

/** One line describing a Feedback, for logs and lists. */
export function describeFeedbackEntry(value: FeedbackEntry): string {
  const parts: string[] = [];
  parts.push(value.subject);
  parts.push(String(value.priority));
  parts.push(value.status);
  parts.push(formatDate(value.openedAt, 'yyyy-MM-dd'));
  return 'Feedback ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Feedback records. */
export function summarizeFeedbackEntrys(values: FeedbackEntry[]): FeedbackEntrySummary {
  const labels = values.map((value) => describeFeedbackEntry(value));
  return { count: values.length, labels };
}

/** Reads Feedback records, oldest first. */
export async function loadFeedbackEntrys(filter?: Record<string, unknown>): Promise<FeedbackEntry[]> {
  const rows = await queryEntities<FeedbackEntry>(PORTAL_FEEDBACK_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** A dashboard as PortalFeedback shows it. */
export interface PortalFeedbackDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Feedback records. */
export function canEditFeedbackEntry(user: CurrentUser): boolean {
  return user.roles.indexOf('PortalFeedback.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the PortalFeedback dashboard for the current user. */
export async function buildPortalFeedbackDashboard(): Promise<PortalFeedbackDashboard> {
  const user = getCurrentUser();
  const records = await loadFeedbackEntrys({ owner: user.id });
  return {
    title: 'Feedback dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeFeedbackEntry(record)),
    editable: canEditFeedbackEntry(user),
  };
}

/** Context lines PortalFeedback gathers from the modules it builds on. */
export async function collectPortalFeedbackContext(): Promise<string[]> {
  const lines: string[] = [];
  const themeTokenList = await loadThemeTokens({ requestedBy: 'PortalFeedback' });
  lines.push('PortalTheme: ' + themeTokenList.length + ' records');
  lines.push(...themeTokenList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which PortalFeedback reports to the platform console. */
export const PORTAL_FEEDBACK_MODULE = 'PortalFeedback';

/** A one-line health report of PortalFeedback: user feedback. */
export async function portalFeedbackHealth(): Promise<string> {
  const records = await loadFeedbackEntrys();
  const summary = summarizeFeedbackEntrys(records);
  const parts: string[] = [PORTAL_FEEDBACK_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectPortalFeedbackContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
