import { log, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { summarizeThemeTokens } from '@modules/PortalTheme';
import { describeSessionInfo, type SessionInfo } from '@modules/SessionHelper';
import { describeNavigationItem, summarizeNavigationItems, loadNavigationItems } from './records';

export { describeNavigationItem, summarizeNavigationItems, loadNavigationItems } from './records';
export { PORTAL_SHELL_ENTITY } from './types';
export type { NavigationItem, NavigationItemSummary } from './types';

/** A dashboard as PortalShell shows it. */
export interface PortalShellDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Navigation Item records. */
export function canEditNavigationItem(user: CurrentUser): boolean {
  return user.roles.indexOf('PortalShell.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the PortalShell dashboard for the current user. */
export async function buildPortalShellDashboard(): Promise<PortalShellDashboard> {
  const user = getCurrentUser();
  const records = await loadNavigationItems({ owner: user.id });
  return {
    title: 'Navigation Item dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeNavigationItem(record)),
    editable: canEditNavigationItem(user),
  };
}

/** Context lines PortalShell gathers from the modules it builds on. */
export async function collectPortalShellContext(): Promise<string[]> {
  const lines: string[] = [];
  const themeTokenSummary = summarizeThemeTokens([{ id: 6, key: 'key-5', value: 'value-6', updatedAt: new Date(1700604800000) }]);
  lines.push(themeTokenSummary.count + ' from PortalTheme: ' + themeTokenSummary.labels.join('; '));
  const sessionInfoSample: SessionInfo = { id: 13, login: 'login-12', roles: ['roles'], expiresAt: new Date(1701209600000), enabled: false };
  lines.push(describeSessionInfo(sessionInfoSample));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which PortalShell reports to the platform console. */
export const PORTAL_SHELL_MODULE = 'PortalShell';

/** A one-line health report of PortalShell: the portal frame. */
export async function portalShellHealth(): Promise<string> {
  const records = await loadNavigationItems();
  const summary = summarizeNavigationItems(records);
  const parts: string[] = [PORTAL_SHELL_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectPortalShellContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
