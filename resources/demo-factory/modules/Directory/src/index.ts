import { log } from '@platform/runtime';
import { summarizeAuditEntrys } from '@modules/AuditLib';
import { loadAppSettings } from '@modules/CommonLib';
import { summarizeDirectoryPersons, loadDirectoryPersons } from './records';

export { fetchDirectoryPerson, pushDirectoryPerson } from './partner-client';
export { describeDirectoryPerson, summarizeDirectoryPersons, loadDirectoryPersons } from './records';
export { DIRECTORY_ENTITY } from './types';
export type { DirectoryPerson, DirectoryPersonSummary } from './types';

/** Context lines Directory gathers from the modules it builds on. */
export async function collectDirectoryContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'Directory' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  const auditEntrySummary = summarizeAuditEntrys([{ id: 9, actor: 'actor-8', action: 'action-9', occurredAt: new Date(1700864000000) }]);
  lines.push(auditEntrySummary.count + ' from AuditLib: ' + auditEntrySummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which Directory reports to the platform console. */
export const DIRECTORY_MODULE = 'Directory';

/** A one-line health report of Directory: the company directory. */
export async function directoryHealth(): Promise<string> {
  const records = await loadDirectoryPersons();
  const summary = summarizeDirectoryPersons(records);
  const parts: string[] = [DIRECTORY_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectDirectoryContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
