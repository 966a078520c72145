import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadUserCredentials } from '@modules/AuthCore';
import { summarizeDirectoryPersons } from '@modules/Directory';
import { summarizeRoleAssignments, loadRoleAssignments } from './records';
import { type RoleAssignment, ROLE_MANAGER_ENTITY } from './types';

export { describeRoleAssignment, summarizeRoleAssignments, loadRoleAssignments } from './records';
export { ROLE_MANAGER_ENTITY } from './types';
export type { RoleAssignment, RoleAssignmentSummary } from './types';

/** Registers the periodic refresh of RoleManager. */
export function startRoleManagerJobs(): void {
  setTimer('RoleManager.refresh', 300000, async () => {
    const records = await loadRoleAssignments();
    log('RoleManager: refreshed ' + records.length + ' Role Assignment records');
  });
}

/** Stores a Role Assignment; resolves to its id. */
export async function saveRoleAssignment(value: RoleAssignment): Promise<number> {
  const id = await saveEntity(ROLE_MANAGER_ENTITY, { ...value });
  log('RoleManager: saved Role Assignment ' + id);
  return id;
}

/** Context lines RoleManager gathers from the modules it builds on. */
export async function collectRoleManagerContext(): Promise<string[]> {
  const lines: string[] = [];
  const userCredentialList = await loadUserCredentials({ requestedBy: 'RoleManager' });
  lines.push('AuthCore: ' + userCredentialList.length + ' records');
  lines.push(...userCredentialList.slice(0, 3).map((item) => String(item.login)));
  const directoryPersonSummary = summarizeDirectoryPersons([{ id: 12, fullName: 'fullName-11', email: 'email-12', department: 'department-13', active: true }]);
  lines.push(directoryPersonSummary.count + ' from Directory: ' + directoryPersonSummary.labels.join('; '));
  return lines;
}

/** Name under which RoleManager reports to the platform console. */
export const ROLE_MANAGER_MODULE = 'RoleManager';

/** A one-line health report of RoleManager: role management. */
export async function roleManagerHealth(): Promise<string> {
  const records = await loadRoleAssignments();
  const summary = summarizeRoleAssignments(records);
  const parts: string[] = [ROLE_MANAGER_MODULE, summary.count + ' records'];
  const context = await collectRoleManagerContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
