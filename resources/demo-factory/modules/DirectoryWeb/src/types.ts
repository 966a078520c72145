/** A Person Card record as DirectoryWeb stores it. */
export interface DirectoryCard {
  id: number;
  fullName: string;
  email: string;
  department: string;
  active: boolean;
}

/** What DirectoryWeb reports about a batch of Person Card records. */
export interface DirectoryCardSummary {
  count: number;
  labels: string[];
}

/** Entity under which DirectoryWeb stores its records. */
export const DIRECTORY_WEB_ENTITY = 'DirectoryWeb.PersonCard';
