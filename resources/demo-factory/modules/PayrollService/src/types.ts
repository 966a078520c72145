/** A Payslip record as PayrollService stores it. */
export interface Payslip {
  id: number;
  reference: string;
  amount: number;
  currency: string;
  settled: boolean;
}

/** What PayrollService reports about a batch of Payslip records. */
export interface PayslipSummary {
  count: number;
  labels: string[];
}

/** Entity under which PayrollService stores its records. */
export const PAYROLL_SERVICE_ENTITY = 'PayrollService.Payslip';
