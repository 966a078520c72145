import { queryEntities } from '@platform/runtime';
import { type DirectoryPerson, type DirectoryPersonSummary, DIRECTORY_ENTITY } from './types';

/** One line describing a Person, for logs and lists. */
export function describeDirectoryPerson(value: DirectoryPerson): string {
  const parts: string[] = [];
  parts.push(value.fullName);
  parts.push(value.email);
  parts.push(value.department);
  parts.push((value.active ? 'active' : 'not active'));
  return 'Person ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Person records. */
export function summarizeDirectoryPersons(values: DirectoryPerson[]): DirectoryPersonSummary {
  const labels = values.map((value) => describeDirectoryPerson(value));
  return { count: values.length, labels };
}

/** Reads Person records, oldest first. */
export async function loadDirectoryPersons(filter?: Record<string, unknown>): Promise<DirectoryPerson[]> {
  const rows = await queryEntities<DirectoryPerson>(DIRECTORY_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
