/** A Imported Person record as DraftDirectoryImport stores it. */
export interface ImportedPerson {
  id: number;
  fullName: string;
  email: string;
  department: string;
  active: boolean;
}

/** What DraftDirectoryImport reports about a batch of Imported Person records. */
export interface ImportedPersonSummary {
  count: number;
  labels: string[];
}

/** Entity under which DraftDirectoryImport stores its records. */
export const DRAFT_DIRECTORY_IMPORT_ENTITY = 'DraftDirectoryImport.ImportedPerson';
