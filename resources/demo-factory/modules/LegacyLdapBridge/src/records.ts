import { queryEntities } from '@platform/runtime';
import { type LdapEntry, type LdapEntrySummary, LEGACY_LDAP_BRIDGE_ENTITY } from './types';

/** One line describing a LDAP Entry, for logs and lists. */
export function describeLdapEntry(value: LdapEntry): string {
  return 'LDAP Entry #' + value.id + ': ' + [value.fullName, value.email, value.department, (value.active ? 'active' : 'not active')].join(' | ');
}

/** Counts and labels a batch of LDAP Entry records. */
export function summarizeLdapEntrys(values: LdapEntry[]): LdapEntrySummary {
  const labels = values.map((value) => describeLdapEntry(value));
  return { count: values.length, labels };
}

/** Reads LDAP Entry records, oldest first. */
export async function loadLdapEntrys(filter?: Record<string, unknown>): Promise<LdapEntry[]> {
  const rows = await queryEntities<LdapEntry>(LEGACY_LDAP_BRIDGE_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
