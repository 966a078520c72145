import { log, queryEntities, formatDate } from '@platform/runtime';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';

/** A Payroll Line record as PayrollLib stores it. */
export interface PayrollLine {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What PayrollLib reports about a batch of Payroll Line records. */
export interface PayrollLineSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which PayrollLib stores its records. */
export const PAYROLL_LIB_ENTITY = 'PayrollLib.PayrollLine';

/** One line describing a Payroll Line, for logs and lists. */
export function describePayrollLine(value: PayrollLine): string {
  return 'Payroll Line #' + value.id + ': ' + [value.reference, value.amount.toFixed(2), value.currency, (value.settled ? 'settled' : 'not settled')].join(' | ');
}

/** Counts and labels a batch of Payroll Line records. */
export function summarizePayrollLines(values: PayrollLine[]): PayrollLineSummary {
  const labels = values.map((value) => describePayrollLine(value));
  return { count: values.length, labels, generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm') };
}

/** Reads Payroll Line records, oldest first. */
export async function loadPayrollLines(filter?: Record<string, unknown>): Promise<PayrollLine[]> {
  const rows = await queryEntities<PayrollLine>(PAYROLL_LIB_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}

/** Problems that keep a Payroll Line from being saved; empty when it is valid. */
export function validatePayrollLine(value: PayrollLine): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.reference.trim().length === 0) problems.push('reference is required');
  if (!isFinite(value.amount) || value.amount < 0) problems.push('amount must be a positive number');
  if (value.currency.trim().length === 0) problems.push('currency is required');
  return problems;
}

/** Context lines PayrollLib gathers from the modules it builds on. */
export async function collectPayrollLibContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSample: AppSetting = { id: 1, key: 'key-0', value: 'value-1', updatedAt: new Date(1700172800000) };
  lines.push(describeAppSetting(appSettingSample));
  return lines;
}

/** Name under which PayrollLib reports to the platform console. */
export const PAYROLL_LIB_MODULE = 'PayrollLib';

/** A one-line health report of PayrollLib: payroll calculations. */
export async function payrollLibHealth(): Promise<string> {
  const records = await loadPayrollLines();
  const summary = summarizePayrollLines(records);
  const parts: string[] = [PAYROLL_LIB_MODULE, summary.count + ' records'];
  const context = await collectPayrollLibContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
