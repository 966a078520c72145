import { log } from '@platform/runtime';
import { loadDirectoryPersons } from '@modules/Directory';
import { summarizeImportedPersons, loadImportedPersons } from './records';

export { startDraftDirectoryImportJobs, saveImportedPerson } from './jobs';
export { describeImportedPerson, summarizeImportedPersons, loadImportedPersons } from './records';
export { DRAFT_DIRECTORY_IMPORT_ENTITY } from './types';
export type { ImportedPerson, ImportedPersonSummary } from './types';

/** Context lines DraftDirectoryImport gathers from the modules it builds on. */
export async function collectDraftDirectoryImportContext(): Promise<string[]> {
  const lines: string[] = [];
  const directoryPersonList = await loadDirectoryPersons({ requestedBy: 'DraftDirectoryImport' });
  lines.push('Directory: ' + directoryPersonList.length + ' records');
  lines.push(...directoryPersonList.slice(0, 3).map((item) => String(item.fullName)));
  return lines;
}

/** Name under which DraftDirectoryImport reports to the platform console. */
export const DRAFT_DIRECTORY_IMPORT_MODULE = 'DraftDirectoryImport';

/** A one-line health report of DraftDirectoryImport: a CSV import (draft). */
export async function draftDirectoryImportHealth(): Promise<string> {
  const records = await loadImportedPersons();
  const summary = summarizeImportedPersons(records);
  const parts: string[] = [DRAFT_DIRECTORY_IMPORT_MODULE, summary.count + ' records'];
  const context = await collectDraftDirectoryImportContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
