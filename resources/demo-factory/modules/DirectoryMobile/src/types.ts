/** A Phone Book Entry record as DirectoryMobile stores it. */
export interface PhoneBookEntry {
  id: number;
  fullName: string;
  email: string;
  department: string;
  active: boolean;
}

/** What DirectoryMobile reports about a batch of Phone Book Entry records. */
export interface PhoneBookEntrySummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which DirectoryMobile stores its records. */
export const DIRECTORY_MOBILE_ENTITY = 'DirectoryMobile.PhoneBookEntry';
