import { summarizeDirectoryPersons } from '@modules/Directory';
import { loadEmployeeRecords } from '@modules/EmployeeCore';

/** Context lines Onboarding gathers from the modules it builds on. */
export async function collectOnboardingContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordList = await loadEmployeeRecords({ requestedBy: 'Onboarding' });
  lines.push('EmployeeCore: ' + employeeRecordList.length + ' records');
  lines.push(...employeeRecordList.slice(0, 3).map((item) => String(item.employeeNumber)));
  const directoryPersonSummary = summarizeDirectoryPersons([{ id: 12, fullName: 'fullName-11', email: 'email-12', department: 'department-13', active: true }]);
  lines.push(directoryPersonSummary.count + ' from Directory: ' + directoryPersonSummary.labels.join('; '));
  return lines;
}
