import { log, queryEntities, formatDate } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';

/** A Audit Entry record as AuditLib stores it. */
export interface AuditEntry {
  id: number;
  actor: string;
  action: string;
  occurredAt: Date;
}

/** What AuditLib reports about a batch of Audit Entry records. */
export interface AuditEntrySummary {
  count: number;
  labels: string[];
}

/** Entity under which AuditLib stores its records. */
export const AUDIT_LIB_ENTITY = 'AuditLib.AuditEntry';

/** One line describing a Audit Entry, for logs and lists. */
export function describeAuditEntry(value: AuditEntry): string {
  return 'Audit Entry #' + value.id + ': ' + [value.actor, value.action, formatDate(value.occurredAt, 'yyyy-MM-dd')].join(' | ');
}

/** Counts and labels a batch of Audit Entry records. */
export function summarizeAuditEntrys(values: AuditEntry[]): AuditEntrySummary {
  const labels = values.map((value) => describeAuditEntry(value));
  return { count: values.length, labels };
}

/** Reads Audit Entry records, oldest first. */
export async function loadAuditEntrys(filter?: Record<string, unknown>): Promise<AuditEntry[]> {
  const rows = await queryEntities<AuditEntry>(AUDIT_LIB_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** Problems that keep a Audit Entry from being saved; empty when it is valid. */
export function validateAuditEntry(value: AuditEntry): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.actor.trim().length === 0) problems.push('actor is required');
  if (value.action.trim().length === 0) problems.push('action is required');
  if (isNaN(value.occurredAt.getTime())) problems.push('occurredAt is not a valid date');
  return problems;
}

/** Context lines AuditLib gathers from the modules it builds on. */
export async function collectAuditLibContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'AuditLib' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  return lines;
}

/** Name under which AuditLib reports to the platform console. */
export const AUDIT_LIB_MODULE = 'AuditLib';

/** A one-line health report of AuditLib: the audit trail. */
export async function auditLibHealth(): Promise<string> {
  const records = await loadAuditEntrys();
  const summary = summarizeAuditEntrys(records);
  const parts: string[] = [AUDIT_LIB_MODULE, summary.count + ' records'];
  const context = await collectAuditLibContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
