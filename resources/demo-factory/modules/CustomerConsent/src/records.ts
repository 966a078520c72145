import { queryEntities } from '@platform/runtime';
import { type ConsentRecord, type ConsentRecordSummary, CUSTOMER_CONSENT_ENTITY } from './types';

/** One line describing a Consent, for logs and lists. */
export function describeConsentRecord(value: ConsentRecord): string {
  const parts: string[] = [];
  parts.push(value.field);
  parts.push(value.pattern);
  parts.push((value.required ? 'required' : 'not required'));
  return 'Consent ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Consent records. */
export function summarizeConsentRecords(values: ConsentRecord[]): ConsentRecordSummary {
  const labels = values.map((value) => describeConsentRecord(value));
  return { count: values.length, labels };
}

/** Reads Consent records, oldest first. */
export async function loadConsentRecords(filter?: Record<string, unknown>): Promise<ConsentRecord[]> {
  const rows = await queryEntities<ConsentRecord>(CUSTOMER_CONSENT_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
