import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadSsoProviders } from './records';
import { type SsoProvider, SINGLE_SIGN_ON_ENTITY } from './types';

/** Registers the periodic refresh of SingleSignOn. */
export function startSingleSignOnJobs(): void {
  setTimer('SingleSignOn.refresh', 60000, async () => {
    const records = await loadSsoProviders();
    log('SingleSignOn: refreshed ' + records.length + ' SSO Provider records');
  });
}

/** Stores a SSO Provider; resolves to its id. */
export async function saveSsoProvider(value: SsoProvider): Promise<number> {
  const id = await saveEntity(SINGLE_SIGN_ON_ENTITY, { ...value });
  log('SingleSignOn: saved SSO Provider ' + id);
  return id;
}
