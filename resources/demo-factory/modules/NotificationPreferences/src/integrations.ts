import { summarizeDirectoryPersons } from '@modules/Directory';

/** Context lines NotificationPreferences gathers from the modules it builds on. */
export async function collectNotificationPreferencesContext(): Promise<string[]> {
  const lines: string[] = [];
  const directoryPersonSummary = summarizeDirectoryPersons([{ id: 6, fullName: 'fullName-5', email: 'email-6', department: 'department-7', active: true }]);
  lines.push(directoryPersonSummary.count + ' from Directory: ' + directoryPersonSummary.labels.join('; '));
  return lines;
}
