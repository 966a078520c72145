import { queryEntities, formatDate } from '@platform/runtime';
import { type EmployeeRecord, type EmployeeRecordSummary, EMPLOYEE_CORE_ENTITY } from './types';

/** One line describing a Employee, for logs and lists. */
export function describeEmployeeRecord(value: EmployeeRecord): string {
  const parts: string[] = [];
  parts.push(value.employeeNumber);
  parts.push(value.fullName);
  parts.push(String(value.salaryBand));
  parts.push(formatDate(value.startDate, 'yyyy-MM-dd'));
  return 'Employee ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Employee records. */
export function summarizeEmployeeRecords(values: EmployeeRecord[]): EmployeeRecordSummary {
  const labels = values.map((value) => describeEmployeeRecord(value));
  return { count: values.length, labels };
}

/** Reads Employee records, oldest first. */
export async function loadEmployeeRecords(filter?: Record<string, unknown>): Promise<EmployeeRecord[]> {
  const rows = await queryEntities<EmployeeRecord>(EMPLOYEE_CORE_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}
