import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { summarizeEmployeeRecords } from '@modules/EmployeeCore';
import { describePayrollLine, type PayrollLine } from '@modules/PayrollLib';
import { summarizePayslips, loadPayslips } from './records';
import type { Payslip } from './types';

export { describePayslip, summarizePayslips, loadPayslips } from './records';
export { PAYROLL_SERVICE_ENTITY } from './types';
export type { Payslip, PayslipSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/payslip';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('PayrollService: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Payslip from the partner system. */
export async function fetchPayslip(id: number): Promise<Payslip | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as Payslip;
}

/** Sends a Payslip to the partner system; true when it was accepted. */
export async function pushPayslip(value: Payslip): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines PayrollService gathers from the modules it builds on. */
export async function collectPayrollServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordSummary = summarizeEmployeeRecords([{ id: 12, employeeNumber: 'employeeNumber-11', fullName: 'fullName-12', salaryBand: 14, startDate: new Date(1701209600000) }]);
  lines.push(employeeRecordSummary.count + ' from EmployeeCore: ' + employeeRecordSummary.labels.join('; '));
  const payrollLineSample: PayrollLine = { id: 19, reference: 'reference-18', amount: 20, currency: 'currency-20', settled: false };
  lines.push(describePayrollLine(payrollLineSample));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which PayrollService reports to the platform console. */
export const PAYROLL_SERVICE_MODULE = 'PayrollService';

/** A one-line health report of PayrollService: monthly payroll. */
export async function payrollServiceHealth(): Promise<string> {
  const records = await loadPayslips();
  const summary = summarizePayslips(records);
  const parts: string[] = [PAYROLL_SERVICE_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectPayrollServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
