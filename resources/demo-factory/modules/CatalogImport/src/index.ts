import { log, saveEntity, setTimer } from '@platform/runtime';
import { describeCatalogProduct, type CatalogProduct } from '@modules/CatalogCore';
import { summarizeSupplierFeedRows, loadSupplierFeedRows } from './records';
import { type SupplierFeedRow, CATALOG_IMPORT_ENTITY } from './types';

export { describeSupplierFeedRow, summarizeSupplierFeedRows, loadSupplierFeedRows } from './records';
export { CATALOG_IMPORT_ENTITY } from './types';
export type { SupplierFeedRow, SupplierFeedRowSummary } from './types';

/** Registers the periodic refresh of CatalogImport. */
export function startCatalogImportJobs(): void {
  setTimer('CatalogImport.refresh', 420000, async () => {
    const records = await loadSupplierFeedRows();
    log('CatalogImport: refreshed ' + records.length + ' Feed Row records');
  });
}

/** Stores a Feed Row; resolves to its id. */
export async function saveSupplierFeedRow(value: SupplierFeedRow): Promise<number> {
  const id = await saveEntity(CATALOG_IMPORT_ENTITY, { ...value });
  log('CatalogImport: saved Feed Row ' + id);
  return id;
}

/** Context lines CatalogImport gathers from the modules it builds on. */
export async function collectCatalogImportContext(): Promise<string[]> {
  const lines: string[] = [];
  const catalogProductSample: CatalogProduct = { id: 7, sku: 'sku-6', title: 'title-7', price: 9, tags: ['tags'] };
  lines.push(describeCatalogProduct(catalogProductSample));
  return lines;
}

/** Name under which CatalogImport reports to the platform console. */
export const CATALOG_IMPORT_MODULE = 'CatalogImport';

/** A one-line health report of CatalogImport: supplier feeds. */
export async function catalogImportHealth(): Promise<string> {
  const records = await loadSupplierFeedRows();
  const summary = summarizeSupplierFeedRows(records);
  const parts: string[] = [CATALOG_IMPORT_MODULE, summary.count + ' records'];
  const context = await collectCatalogImportContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
