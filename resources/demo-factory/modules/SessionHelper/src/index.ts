import { log, queryEntities, formatDate, getSessionValue, setSessionValue } from '@platform/runtime';
import { summarizeAppSettings } from '@modules/CommonLib';

/** A Session record as SessionHelper stores it. */
export interface SessionInfo {
  id: number;
  login: string;
  roles: string[];
  expiresAt: Date;
  enabled: boolean;
}

/** What SessionHelper reports about a batch of Session records. */
export interface SessionInfoSummary {
  count: number;
  labels: string[];
}

/** Entity under which SessionHelper stores its records. */
export const SESSION_HELPER_ENTITY = 'SessionHelper.Session';

/** One line describing a Session, for logs and lists. */
export function describeSessionInfo(value: SessionInfo): string {
  const parts: string[] = [];
  parts.push(value.login);
  parts.push(value.roles.join(', '));
  parts.push(formatDate(value.expiresAt, 'yyyy-MM-dd'));
  parts.push((value.enabled ? 'enabled' : 'not enabled'));
  return 'Session ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Session records. */
export function summarizeSessionInfos(values: SessionInfo[]): SessionInfoSummary {
  const labels = values.map((value) => describeSessionInfo(value));
  return { count: values.length, labels };
}

/** Reads Session records, oldest first. */
export async function loadSessionInfos(filter?: Record<string, unknown>): Promise<SessionInfo[]> {
  const rows = await queryEntities<SessionInfo>(SESSION_HELPER_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** Orders Session records by their description, then by id. */
export function compareSessionInfos(left: SessionInfo, right: SessionInfo): number {
  return describeSessionInfo(left).localeCompare(describeSessionInfo(right)) || left.id - right.id;
}

/** Indexes Session records by id; the last one wins on duplicates. */
export function indexSessionInfosById(values: SessionInfo[]): Map<number, SessionInfo> {
  const byId = new Map<number, SessionInfo>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines SessionHelper gathers from the modules it builds on. */
export async function collectSessionHelperContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 12, key: 'key-11', value: 'value-12', updatedAt: new Date(1701123200000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  return lines;
}

/** A preference of the current user for SessionHelper, remembered in the session. */
export function sessionHelperPreference(key: string, fallback: string): string {
  const stored = getSessionValue('SessionHelper.' + key);
  if (stored === undefined) {
    setSessionValue('SessionHelper.' + key, fallback);
    return fallback;
  }
  return stored;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which SessionHelper reports to the platform console. */
export const SESSION_HELPER_MODULE = 'SessionHelper';

/** A one-line health report of SessionHelper: session handling. */
export async function sessionHelperHealth(): Promise<string> {
  const records = await loadSessionInfos();
  const summary = summarizeSessionInfos(records);
  const parts: string[] = [SESSION_HELPER_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectSessionHelperContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
