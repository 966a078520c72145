import { log, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { loadThemeTokens } from '@modules/PortalTheme';
import { describeRedesignMockup, summarizeRedesignMockups, loadRedesignMockups } from './records';

export { describeRedesignMockup, summarizeRedesignMockups, loadRedesignMockups } from './records';
export { DRAFT_PORTAL_REDESIGN_ENTITY } from './types';
export type { RedesignMockup, RedesignMockupSummary } from './types';

/** A dashboard as DraftPortalRedesign shows it. */
export interface DraftPortalRedesignDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Mockup records. */
export function canEditRedesignMockup(user: CurrentUser): boolean {
  return user.roles.indexOf('DraftPortalRedesign.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the DraftPortalRedesign dashboard for the current user. */
export async function buildDraftPortalRedesignDashboard(): Promise<DraftPortalRedesignDashboard> {
  const user = getCurrentUser();
  const records = await loadRedesignMockups({ owner: user.id });
  return {
    title: 'Mockup dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeRedesignMockup(record)),
    editable: canEditRedesignMockup(user),
  };
}

/** Context lines DraftPortalRedesign gathers from the modules it builds on. */
export async function collectDraftPortalRedesignContext(): Promise<string[]> {
  const lines: string[] = [];
  const themeTokenList = await loadThemeTokens({ requestedBy: 'DraftPortalRedesign' });
  lines.push('PortalTheme: ' + themeTokenList.length + ' records');
  lines.push(...themeTokenList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which DraftPortalRedesign reports to the platform console. */
export const DRAFT_PORTAL_REDESIGN_MODULE = 'DraftPortalRedesign';

/** A one-line health report of DraftPortalRedesign: the new look (draft). */
export async function draftPortalRedesignHealth(): Promise<string> {
  const records = await loadRedesignMockups();
  const summary = summarizeRedesignMockups(records);
  const parts: string[] = [DRAFT_PORTAL_REDESIGN_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectDraftPortalRedesignContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
