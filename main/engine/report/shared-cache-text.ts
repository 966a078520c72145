import { sharedCacheCountsWords } from '../../../common/run-words';
import type { SharedCacheCounts, SharedCacheOrigin } from '../shared-cache/shared-cache-types';

/** How every report format words a compilation taken from the shared cache (the Setup log's wording). */
export function sharedOriginText(origin: SharedCacheOrigin): string {
  return `reused from the shared cache (${origin.environment}, uploaded ${origin.uploadedAt})`;
}

/** How every report format words a run's shared-cache counts. */
export function sharedCountsText(counts: SharedCacheCounts): string {
  return sharedCacheCountsWords(counts);
}
