/** A LDAP Entry record as LegacyLdapBridge stores it. */
export interface LdapEntry {
  id: number;
  fullName: string;
  email: string;
  department: string;
  active: boolean;
}

/** What LegacyLdapBridge reports about a batch of LDAP Entry records. */
export interface LdapEntrySummary {
  count: number;
  labels: string[];
}

/** Entity under which LegacyLdapBridge stores its records. */
export const LEGACY_LDAP_BRIDGE_ENTITY = 'LegacyLdapBridge.LDAPEntry';

/** Largest batch saved at once. */
export const LEGACY_LDAP_BRIDGE_MAX_BATCH: number = '250';
