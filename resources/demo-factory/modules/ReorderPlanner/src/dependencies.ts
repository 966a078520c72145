import { summarizeCatalogProducts } from '@modules/CatalogCore';
import { loadStockMovements } from '@modules/InventoryService';

/** Context lines ReorderPlanner gathers from the modules it builds on. */
export async function collectReorderPlannerContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockMovementList = await loadStockMovements({ requestedBy: 'ReorderPlanner' });
  lines.push('InventoryService: ' + stockMovementList.length + ' records');
  lines.push(...stockMovementList.slice(0, 3).map((item) => String(item.warehouse)));
  const catalogProductSummary = summarizeCatalogProducts([{ id: 12, sku: 'sku-11', title: 'title-12', price: 14, tags: ['tags'] }]);
  lines.push(catalogProductSummary.count + ' from CatalogCore: ' + catalogProductSummary.labels.join('; '));
  return lines;
}
