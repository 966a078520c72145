import { log, saveEntity, setTimer } from '@platform/runtime';
import { describeAuditEntry, type AuditEntry } from '@modules/AuditLib';
import { summarizeDirectoryPersons } from '@modules/Directory';
import { summarizeHrFeedRecords, loadHrFeedRecords } from './records';
import { type HrFeedRecord, DIRECTORY_SYNC_ENTITY } from './types';

export { describeHrFeedRecord, summarizeHrFeedRecords, loadHrFeedRecords } from './records';
export { DIRECTORY_SYNC_ENTITY } from './types';
export type { HrFeedRecord, HrFeedRecordSummary } from './types';

/** Registers the periodic refresh of DirectorySync. */
export function startDirectorySyncJobs(): void {
  setTimer('DirectorySync.refresh', 180000, async () => {
    const records = await loadHrFeedRecords();
    log('DirectorySync: refreshed ' + records.length + ' HR Feed Record records');
  });
}

/** Stores a HR Feed Record; resolves to its id. */
export async function saveHrFeedRecord(value: HrFeedRecord): Promise<number> {
  const id = await saveEntity(DIRECTORY_SYNC_ENTITY, { ...value });
  log('DirectorySync: saved HR Feed Record ' + id);
  return id;
}

/** Context lines DirectorySync gathers from the modules it builds on. */
export async function collectDirectorySyncContext(): Promise<string[]> {
  const lines: string[] = [];
  const directoryPersonSummary = summarizeDirectoryPersons([{ id: 3, fullName: 'fullName-2', email: 'email-3', department: 'department-4', active: false }]);
  lines.push(directoryPersonSummary.count + ' from Directory: ' + directoryPersonSummary.labels.join('; '));
  const auditEntrySample: AuditEntry = { id: 10, actor: 'actor-9', action: 'action-10', occurredAt: new Date(1700950400000) };
  lines.push(describeAuditEntry(auditEntrySample));
  return lines;
}

/** Name under which DirectorySync reports to the platform console. */
export const DIRECTORY_SYNC_MODULE = 'DirectorySync';

/** A one-line health report of DirectorySync: the nightly HR feed. */
export async function directorySyncHealth(): Promise<string> {
  const records = await loadHrFeedRecords();
  const summary = summarizeHrFeedRecords(records);
  const parts: string[] = [DIRECTORY_SYNC_MODULE, summary.count + ' records'];
  const context = await collectDirectorySyncContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
