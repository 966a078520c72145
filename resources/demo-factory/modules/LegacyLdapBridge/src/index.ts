import { log } from '@platform/runtime';
import { summarizeUserCredentials } from '@modules/AuthCore';
import { summarizeLdapEntrys, loadLdapEntrys } from './records';

export { startLegacyLdapBridgeJobs, saveLdapEntry } from './jobs';
export { describeLdapEntry, summarizeLdapEntrys, loadLdapEntrys } from './records';
export { LEGACY_LDAP_BRIDGE_ENTITY, LEGACY_LDAP_BRIDGE_MAX_BATCH } from './types';
export type { LdapEntry, LdapEntrySummary } from './types';

/** Context lines LegacyLdapBridge gathers from the modules it builds on. */
export async function collectLegacyLdapBridgeContext(): Promise<string[]> {
  const lines: string[] = [];
  const userCredentialSummary = summarizeUserCredentials([{ id: 9, login: 'login-8', roles: ['roles'], expiresAt: new Date(1700864000000), enabled: false }]);
  lines.push(userCredentialSummary.count + ' from AuthCore: ' + userCredentialSummary.labels.join('; '));
  return lines;
}

/** Name under which LegacyLdapBridge reports to the platform console. */
export const LEGACY_LDAP_BRIDGE_MODULE = 'LegacyLdapBridge';

/** A one-line health report of LegacyLdapBridge: the old LDAP bridge. */
export async function legacyLdapBridgeHealth(): Promise<string> {
  const records = await loadLdapEntrys();
  const summary = summarizeLdapEntrys(records);
  const parts: string[] = [LEGACY_LDAP_BRIDGE_MODULE, summary.count + ' records'];
  const context = await collectLegacyLdapBridgeContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
