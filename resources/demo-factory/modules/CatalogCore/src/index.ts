import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadAppSettings } from '@modules/CommonLib';
import { summarizeValidationRules } from '@modules/ValidationLib';
import { summarizeCatalogProducts, loadCatalogProducts } from './records';
import { type CatalogProduct, CATALOG_CORE_ENTITY } from './types';

export { describeCatalogProduct, summarizeCatalogProducts, loadCatalogProducts } from './records';
export { CATALOG_CORE_ENTITY } from './types';
export type { CatalogProduct, CatalogProductSummary } from './types';

/** Registers the periodic refresh of CatalogCore. */
export function startCatalogCoreJobs(): void {
  setTimer('CatalogCore.refresh', 660000, async () => {
    const records = await loadCatalogProducts();
    log('CatalogCore: refreshed ' + records.length + ' Product records');
  });
}

/** Stores a Product; resolves to its id. */
export async function saveCatalogProduct(value: CatalogProduct): Promise<number> {
  const id = await saveEntity(CATALOG_CORE_ENTITY, { ...value });
  log('CatalogCore: saved Product ' + id);
  return id;
}

/** Context lines CatalogCore gathers from the modules it builds on. */
export async function collectCatalogCoreContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingList = await loadAppSettings({ requestedBy: 'CatalogCore' });
  lines.push('CommonLib: ' + appSettingList.length + ' records');
  lines.push(...appSettingList.slice(0, 3).map((item) => String(item.value)));
  const validationRuleSummary = summarizeValidationRules([{ id: 18, field: 'field-17', pattern: 'pattern-18', required: false }]);
  lines.push(validationRuleSummary.count + ' from ValidationLib: ' + validationRuleSummary.labels.join('; '));
  return lines;
}

/** Name under which CatalogCore reports to the platform console. */
export const CATALOG_CORE_MODULE = 'CatalogCore';

/** A one-line health report of CatalogCore: the product catalog. */
export async function catalogCoreHealth(): Promise<string> {
  const records = await loadCatalogProducts();
  const summary = summarizeCatalogProducts(records);
  const parts: string[] = [CATALOG_CORE_MODULE, summary.count + ' records'];
  const context = await collectCatalogCoreContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
