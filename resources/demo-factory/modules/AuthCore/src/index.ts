import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { describeAuditEntry, type AuditEntry } from '@modules/AuditLib';
import { summarizeAppSettings } from '@modules/CommonLib';
import { summarizeUserCredentials, loadUserCredentials } from './records';
import type { UserCredential } from './types';

export { describeUserCredential, summarizeUserCredentials, loadUserCredentials } from './records';
export { AUTH_CORE_ENTITY } from './types';
export type { UserCredential, UserCredentialSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/credential';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('AuthCore: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Credential from the partner system. */
export async function fetchUserCredential(id: number): Promise<UserCredential | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as UserCredential;
}

/** Sends a Credential to the partner system; true when it was accepted. */
export async function pushUserCredential(value: UserCredential): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines AuthCore gathers from the modules it builds on. */
export async function collectAuthCoreContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 12, key: 'key-11', value: 'value-12', updatedAt: new Date(1701123200000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  const auditEntrySample: AuditEntry = { id: 19, actor: 'actor-18', action: 'action-19', occurredAt: new Date(1701728000000) };
  lines.push(describeAuditEntry(auditEntrySample));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which AuthCore reports to the platform console. */
export const AUTH_CORE_MODULE = 'AuthCore';

/** A one-line health report of AuthCore: sign-in and credentials. */
export async function authCoreHealth(): Promise<string> {
  const records = await loadUserCredentials();
  const summary = summarizeUserCredentials(records);
  const parts: string[] = [AUTH_CORE_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectAuthCoreContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
