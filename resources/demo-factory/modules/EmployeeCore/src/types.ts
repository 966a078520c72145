/** A Employee record as EmployeeCore stores it. */
export interface EmployeeRecord {
  id: number;
  employeeNumber: string;
  fullName: string;
  salaryBand: number;
  startDate: Date;
}

/** What EmployeeCore reports about a batch of Employee records. */
export interface EmployeeRecordSummary {
  count: number;
  labels: string[];
}

/** Entity under which EmployeeCore stores its records. */
export const EMPLOYEE_CORE_ENTITY = 'EmployeeCore.Employee';
