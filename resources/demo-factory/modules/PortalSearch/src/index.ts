import { log } from '@platform/runtime';
import { summarizeCatalogProducts } from '@modules/CatalogCore';
import { describeDirectoryPerson, type DirectoryPerson } from '@modules/Directory';
import { summarizeSearchHits, loadSearchHits } from './records';

export { startPortalSearchJobs, saveSearchHit } from './jobs';
export { describeSearchHit, summarizeSearchHits, loadSearchHits } from './records';
export { PORTAL_SEARCH_ENTITY } from './types';
export type { SearchHit, SearchHitSummary } from './types';

/** Context lines PortalSearch gathers from the modules it builds on. */
export async function collectPortalSearchContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductSummary = summarizeCatalogProducts([{ id: 9, sku: 'sku-8', title: 'title-9', price: 11, tags: ['tags'] }]);
  lines.push(catalogProductSummary.count + ' from CatalogCore: ' + catalogProductSummary.labels.join('; '));
  const directoryPersonSample: DirectoryPerson = { id: 16, fullName: 'fullName-15', email: 'email-16', department: 'department-17', active: true };
  lines.push(describeDirectoryPerson(directoryPersonSample));
  return lines;
}

/** Name under which PortalSearch reports to the platform console. */
export const PORTAL_SEARCH_MODULE = 'PortalSearch';

/** A one-line health report of PortalSearch: portal-wide search. */
export async function portalSearchHealth(): Promise<string> {
  const records = await loadSearchHits();
  const summary = summarizeSearchHits(records);
  const parts: string[] = [PORTAL_SEARCH_MODULE, summary.count + ' records'];
  const context = await collectPortalSearchContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
