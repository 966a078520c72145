import { queryEntities } from '@platform/runtime';
import { type ImportedPerson, type ImportedPersonSummary, DRAFT_DIRECTORY_IMPORT_ENTITY } from './types';

/** One line describing a Imported Person, for logs and lists. */
export function describeImportedPerson(value: ImportedPerson): string {
  return 'Imported Person #' + value.id + ': ' + [value.fullName, value.email, value.department, (value.active ? 'active' : 'not active')].join(' | ');
}

/** Counts and labels a batch of Imported Person records. */
export function summarizeImportedPersons(values: ImportedPerson[]): ImportedPersonSummary {
  const labels = values.map((value) => describeImportedPerson(value));
  return { count: values.length, labels };
}

/** Reads Imported Person records, oldest first. */
export async function loadImportedPersons(filter?: Record<string, unknown>): Promise<ImportedPerson[]> {
  const rows = await queryEntities<ImportedPerson>(DRAFT_DIRECTORY_IMPORT_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
