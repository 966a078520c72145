import { getCurrentUser, log, saveEntity, formatDate } from '@platform/runtime';
import type { AuditEntry } from './model';

export type { AuditEntry } from './model';

/** Records an audit entry for the current user; resolves to the entry's id. */
export async function audit(action: string, details: Record<string, unknown> = {}): Promise<number> {
  const user = getCurrentUser();
  const entry: AuditEntry = { action, userId: user.id, at: formatDate(new Date(), 'yyyy-MM-dd HH:mm:ss'), details };
  log(`audit: ${user.name} ${action}`);
  return saveEntity('AuditEntry', { ...entry });
}
