import { sharedCacheCountsWords } from '../../common/run-words';
import type { SharedCacheCounts } from '../engine/shared-cache/shared-cache-types';
import { printError } from './output';

/** What an operation says about the shared compilation cache: why it was not used (once), and its counts. */
export function printSharedCache(outcome: { sharedCache?: SharedCacheCounts; sharedCacheUnavailable?: string }): void {
  if (outcome.sharedCacheUnavailable) printError(`Warning: ${outcome.sharedCacheUnavailable}.`);
  const counts = outcome.sharedCache;
  if (counts) printError(`Shared cache: ${sharedCacheCountsWords(counts)}.`);
}
