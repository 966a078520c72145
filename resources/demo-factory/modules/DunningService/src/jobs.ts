import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadDunningNotices } from './records';
import { type DunningNotice, DUNNING_SERVICE_ENTITY } from './types';

/** Registers the periodic refresh of DunningService. */
export function startDunningServiceJobs(): void {
  setTimer('DunningService.refresh', 540000, async () => {
    const records = await loadDunningNotices();
    log('DunningService: refreshed ' + records.length + ' Dunning Notice records');
  });
}

/** Stores a Dunning Notice; resolves to its id. */
export async function saveDunningNotice(value: DunningNotice): Promise<number> {
  const id = await saveEntity(DUNNING_SERVICE_ENTITY, { ...value });
  log('DunningService: saved Dunning Notice ' + id);
  return id;
}
