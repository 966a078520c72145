import { log } from '@platform/runtime';
import { collectCustomerConsentContext } from './integrations';
import { summarizeConsentRecords, loadConsentRecords } from './records';

export { collectCustomerConsentContext } from './integrations';
export { fetchConsentRecord, pushConsentRecord } from './partner-client';
export { describeConsentRecord, summarizeConsentRecords, loadConsentRecords } from './records';
export { CUSTOMER_CONSENT_ENTITY } from './types';
export type { ConsentRecord, ConsentRecordSummary } from './types';

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which CustomerConsent reports to the platform console. */
export const CUSTOMER_CONSENT_MODULE = 'CustomerConsent';

/** A one-line health report of CustomerConsent: marketing consent. */
export async function customerConsentHealth(): Promise<string> {
  const records = await loadConsentRecords();
  const summary = summarizeConsentRecords(records);
  const parts: string[] = [CUSTOMER_CONSENT_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectCustomerConsentContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
