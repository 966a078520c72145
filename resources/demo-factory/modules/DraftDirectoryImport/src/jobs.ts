import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadImportedPersons } from './records';
import { type ImportedPerson, DRAFT_DIRECTORY_IMPORT_ENTITY } from './types';

/** Registers the periodic refresh of DraftDirectoryImport. */
export function startDraftDirectoryImportJobs(): void {
  setTimer('DraftDirectoryImport.refresh', 300000, async () => {
    const records = await loadImportedPersons();
    log('DraftDirectoryImport: refreshed ' + records.length + ' Imported Person records');
  });
}

/** Stores a Imported Person; resolves to its id. */
export async function saveImportedPerson(value: ImportedPerson): Promise<number> {
  const id = await saveEntity(DRAFT_DIRECTORY_IMPORT_ENTITY, { ...value });
  log('DraftDirectoryImport: saved Imported Person ' + id);
  return id;
}
