import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadLdapEntrys } from './records';
import { type LdapEntry, LEGACY_LDAP_BRIDGE_ENTITY } from './types';

/** Registers the periodic refresh of LegacyLdapBridge. */
export function startLegacyLdapBridgeJobs(): void {
  setTimer('LegacyLdapBridge.refresh', 540000, async () => {
    const records = await loadLdapEntrys();
    log('LegacyLdapBridge: refreshed ' + records.length + ' LDAP Entry records');
  });
}

/** Stores a LDAP Entry; resolves to its id. */
export async function saveLdapEntry(value: LdapEntry): Promise<number> {
  const id = await saveEntity(LEGACY_LDAP_BRIDGE_ENTITY, { ...value });
  log('LegacyLdapBridge: saved LDAP Entry ' + id);
  return id;
}
