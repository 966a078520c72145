import { log } from '@platform/runtime';
import { summarizeThemeTokens } from '@modules/PortalTheme';
import { loadSsoProviders } from '@modules/SingleSignOn';
import { summarizeLoginAttempts, loadLoginAttempts } from './records';

export { describeLoginAttempt, summarizeLoginAttempts, loadLoginAttempts } from './records';
export { LOGIN_PAGE_ENTITY } from './types';
export type { LoginAttempt, LoginAttemptSummary } from './types';
export { renderLoginPagePage } from './view';

/** Context lines LoginPage gathers from the modules it builds on. */
export async function collectLoginPageContext(): Promise<string[]> {
  const lines: string[] = [];
  const ssoProviderList = await loadSsoProviders({ requestedBy: 'LoginPage' });
  lines.push('SingleSignOn: ' + ssoProviderList.length + ' records');
  lines.push(...ssoProviderList.slice(0, 3).map((item) => String(item.value)));
  const themeTokenSummary = summarizeThemeTokens([{ id: 12, key: 'key-11', value: 'value-12', updatedAt: new Date(1701123200000) }]);
  lines.push(themeTokenSummary.count + ' from PortalTheme: ' + themeTokenSummary.labels.join('; '));
  return lines;
}

/** Name under which LoginPage reports to the platform console. */
export const LOGIN_PAGE_MODULE = 'LoginPage';

/** A one-line health report of LoginPage: the login page. */
export async function loginPageHealth(): Promise<string> {
  const records = await loadLoginAttempts();
  const summary = summarizeLoginAttempts(records);
  const parts: string[] = [LOGIN_PAGE_MODULE, summary.count + ' records'];
  const context = await collectLoginPageContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
