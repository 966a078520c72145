import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadProductBundles } from './records';
import { type ProductBundle, DRAFT_BUNDLES_ENTITY } from './types';

/** Registers the periodic refresh of DraftBundles. */
export function startDraftBundlesJobs(): void {
  setTimer('DraftBundles.refresh', 60000, async () => {
    const records = await loadProductBundles();
    log('DraftBundles: refreshed ' + records.length + ' Bundle records');
  });
}

/** Stores a Bundle; resolves to its id. */
export async function saveProductBundle(value: ProductBundle): Promise<number> {
  const id = await saveEntity(DRAFT_BUNDLES_ENTITY, { ...value });
  log('DraftBundles: saved Bundle ' + id);
  return id;
}
