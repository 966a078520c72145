/** A Person record as Directory stores it. */
export interface DirectoryPerson {
  id: number;
  fullName: string;
  email: string;
  department: string;
  active: boolean;
}

/** What Directory reports about a batch of Person records. */
export interface DirectoryPersonSummary {
  count: number;
  labels: string[];
}

/** Entity under which Directory stores its records. */
export const DIRECTORY_ENTITY = 'Directory.Person';
