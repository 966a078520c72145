import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadSearchHits } from './records';
import { type SearchHit, PORTAL_SEARCH_ENTITY } from './types';

/** Registers the periodic refresh of PortalSearch. */
export function startPortalSearchJobs(): void {
  setTimer('PortalSearch.refresh', 540000, async () => {
    const records = await loadSearchHits();
    log('PortalSearch: refreshed ' + records.length + ' Search Hit records');
  });
}

/** Stores a Search Hit; resolves to its id. */
export async function saveSearchHit(value: SearchHit): Promise<number> {
  const id = await saveEntity(PORTAL_SEARCH_ENTITY, { ...value });
  log('PortalSearch: saved Search Hit ' + id);
  return id;
}
