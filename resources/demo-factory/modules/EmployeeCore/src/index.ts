import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { summarizeAppSettings } from '@modules/CommonLib';
import { loadDirectoryPersons } from '@modules/Directory';
import { summarizeEmployeeRecords, loadEmployeeRecords } from './records';
import type { EmployeeRecord } from './types';

export { describeEmployeeRecord, summarizeEmployeeRecords, loadEmployeeRecords } from './records';
export { EMPLOYEE_CORE_ENTITY } from './types';
export type { EmployeeRecord, EmployeeRecordSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/employee';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('EmployeeCore: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Employee from the partner system. */
export async function fetchEmployeeRecord(id: number): Promise<EmployeeRecord | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as EmployeeRecord;
}

/** Sends a Employee to the partner system; true when it was accepted. */
export async function pushEmployeeRecord(value: EmployeeRecord): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines EmployeeCore gathers from the modules it builds on. */
export async function collectEmployeeCoreContext(): Promise<string[]> {
  const lines: string[] = [];
  const directoryPersonList = await loadDirectoryPersons({ requestedBy: 'EmployeeCore' });
  lines.push('Directory: ' + directoryPersonList.length + ' records');
  lines.push(...directoryPersonList.slice(0, 3).map((item) => String(item.active)));
  const appSettingSummary = summarizeAppSettings([{ id: 15, key: 'key-14', value: 'value-15', updatedAt: new Date(1701382400000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which EmployeeCore reports to the platform console. */
export const EMPLOYEE_CORE_MODULE = 'EmployeeCore';

/** A one-line health report of EmployeeCore: employee records. */
export async function employeeCoreHealth(): Promise<string> {
  const records = await loadEmployeeRecords();
  const summary = summarizeEmployeeRecords(records);
  const parts: string[] = [EMPLOYEE_CORE_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectEmployeeCoreContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
