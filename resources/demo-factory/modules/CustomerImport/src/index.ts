import { log, httpGet, httpPost, formatDate, type HttpResponse } from '@platform/runtime';
import { describeCustomerRecord, type CustomerRecord } from '@modules/CustomerCore';
import { loadValidationRules } from '@modules/ValidationLib';
import { summarizeCustomerImportRows, loadCustomerImportRows } from './records';
import type { CustomerImportRow } from './types';

export { describeCustomerImportRow, summarizeCustomerImportRows, loadCustomerImportRows } from './records';
export { CUSTOMER_IMPORT_ENTITY } from './types';
export type { CustomerImportRow, CustomerImportRowSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/import-row';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('CustomerImport: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Import Row from the partner system. */
export async function fetchCustomerImportRow(id: number): Promise<CustomerImportRow | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as CustomerImportRow;
}

/** Sends a Import Row to the partner system; true when it was accepted. */
export async function pushCustomerImportRow(value: CustomerImportRow): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines CustomerImport gathers from the modules it builds on. */
export async function collectCustomerImportContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordSample: CustomerRecord = { id: 10, name: 'name-9', email: 'email-10', creditLimit: 12, active: true, segments: ['segments'] };
  lines.push(describeCustomerRecord(customerRecordSample));
  const validationRuleList = await loadValidationRules({ requestedBy: 'CustomerImport' });
  lines.push('ValidationLib: ' + validationRuleList.length + ' records');
  lines.push(...validationRuleList.slice(0, 3).map((item) => String(item.pattern)));
  return lines;
}

/** A calendar day as the reports print it. */
export function isoDay(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}

/** Name under which CustomerImport reports to the platform console. */
export const CUSTOMER_IMPORT_MODULE = 'CustomerImport';

/** A one-line health report of CustomerImport: bulk customer imports. */
export async function customerImportHealth(): Promise<string> {
  const records = await loadCustomerImportRows();
  const summary = summarizeCustomerImportRows(records);
  const parts: string[] = [CUSTOMER_IMPORT_MODULE, summary.count + ' records'];
  parts.push(isoDay(new Date()));
  const context = await collectCustomerImportContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
