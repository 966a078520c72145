import { queryEntities } from '@platform/runtime';
import { type Payslip, type PayslipSummary, PAYROLL_SERVICE_ENTITY } from './types';

/** One line describing a Payslip, for logs and lists. */
export function describePayslip(value: Payslip): string {
  const parts: string[] = [];
  parts.push(value.reference);
  parts.push(value.amount.toFixed(2));
  parts.push(value.currency);
  parts.push((value.settled ? 'settled' : 'not settled'));
  return 'Payslip ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Payslip records. */
export function summarizePayslips(values: Payslip[]): PayslipSummary {
  const labels = values.map((value) => describePayslip(value));
  return { count: values.length, labels };
}

/** Reads Payslip records, oldest first. */
export async function loadPayslips(filter?: Record<string, unknown>): Promise<Payslip[]> {
  const rows = await queryEntities<Payslip>(PAYROLL_SERVICE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
