import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { loadAuditEntrys } from '@modules/AuditLib';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';
import { summarizeValidationRules } from '@modules/ValidationLib';
import { summarizeCustomerRecords, loadCustomerRecords } from './records';
import type { CustomerRecord } from './types';

export { describeCustomerRecord, summarizeCustomerRecords, loadCustomerRecords } from './records';
export { CUSTOMER_CORE_ENTITY } from './types';
export type { CustomerRecord, CustomerRecordSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/customer';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('CustomerCore: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Customer from the partner system. */
export async function fetchCustomerRecord(id: number): Promise<CustomerRecord | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as CustomerRecord;
}

/** Sends a Customer to the partner system; true when it was accepted. */
export async function pushCustomerRecord(value: CustomerRecord): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines CustomerCore gathers from the modules it builds on. */
export async function collectCustomerCoreContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSample: AppSetting = { id: 4, key: 'key-3', value: 'value-4', updatedAt: new Date(1700432000000) };
  lines.push(describeAppSetting(appSettingSample));
  const auditEntryList = await loadAuditEntrys({ requestedBy: 'CustomerCore' });
  lines.push('AuditLib: ' + auditEntryList.length + ' records');
  lines.push(...auditEntryList.slice(0, 3).map((item) => String(item.action)));
  const validationRuleSummary = summarizeValidationRules([{ id: 18, field: 'field-17', pattern: 'pattern-18', required: false }]);
  lines.push(validationRuleSummary.count + ' from ValidationLib: ' + validationRuleSummary.labels.join('; '));
  return lines;
}

/** The smallest id above every id in use. */
export function nextFreeId(ids: number[]): number {
  return ids.reduce((max, id) => (id > max ? id : max), 0) + 1;
}

/** Name under which CustomerCore reports to the platform console. */
export const CUSTOMER_CORE_MODULE = 'CustomerCore';

/** A one-line health report of CustomerCore: customer master data. */
export async function customerCoreHealth(): Promise<string> {
  const records = await loadCustomerRecords();
  const summary = summarizeCustomerRecords(records);
  const parts: string[] = [CUSTOMER_CORE_MODULE, summary.count + ' records'];
  parts.push('next id ' + nextFreeId(records.map((record) => record.id)));
  const context = await collectCustomerCoreContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
