/** A Import Row record as CustomerImport stores it. */
export interface CustomerImportRow {
  id: number;
  name: string;
  email: string;
  creditLimit: number;
  active: boolean;
  segments: string[];
}

/** What CustomerImport reports about a batch of Import Row records. */
export interface CustomerImportRowSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which CustomerImport stores its records. */
export const CUSTOMER_IMPORT_ENTITY = 'CustomerImport.ImportRow';
