import { log } from '@platform/runtime';
import { describeUserCredential, type UserCredential } from '@modules/AuthCore';
import { summarizeSsoProviders, loadSsoProviders } from './records';

export { startSingleSignOnJobs, saveSsoProvider } from './jobs';
export { describeSsoProvider, summarizeSsoProviders, loadSsoProviders } from './records';
export { SINGLE_SIGN_ON_ENTITY } from './types';
export type { SsoProvider, SsoProviderSummary } from './types';

/** Context lines SingleSignOn gathers from the modules it builds on. */
export async function collectSingleSignOnContext(): Promise<string[]> {
  const lines: string[] = [];
  const userCredentialSample: UserCredential = { id: 1, login: 'login-0', roles: ['roles'], expiresAt: new Date(1700172800000), enabled: false };
  lines.push(describeUserCredential(userCredentialSample));
  return lines;
}

/** Name under which SingleSignOn reports to the platform console. */
export const SINGLE_SIGN_ON_MODULE = 'SingleSignOn';

/** A one-line health report of SingleSignOn: single sign-on. */
export async function singleSignOnHealth(): Promise<string> {
  const records = await loadSsoProviders();
  const summary = summarizeSsoProviders(records);
  const parts: string[] = [SINGLE_SIGN_ON_MODULE, summary.count + ' records'];
  const context = await collectSingleSignOnContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
