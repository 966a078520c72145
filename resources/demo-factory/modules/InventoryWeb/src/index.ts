import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { describeStockMovement, type StockMovement } from '@modules/InventoryService';
import { describeStockOverview, summarizeStockOverviews, loadStockOverviews } from './records';

export { describeStockOverview, summarizeStockOverviews, loadStockOverviews } from './records';
export { INVENTORY_WEB_ENTITY } from './types';
export type { StockOverview, StockOverviewSummary } from './types';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the InventoryWeb page for the current user. */
export async function renderInventoryWebPage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadStockOverviews(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describeStockOverview(record)) + '</li>');
  return (
    '<section><h1>Stock Overview overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}

/** Context lines InventoryWeb gathers from the modules it builds on. */
export async function collectInventoryWebContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockMovementSample: StockMovement = { id: 1, sku: 'sku-0', warehouse: 'warehouse-1', quantity: 3 };
  lines.push(describeStockMovement(stockMovementSample));
  return lines;
}

/** Name under which InventoryWeb reports to the platform console. */
export const INVENTORY_WEB_MODULE = 'InventoryWeb';

/** A one-line health report of InventoryWeb: stock overview pages. */
export async function inventoryWebHealth(): Promise<string> {
  const records = await loadStockOverviews();
  const summary = summarizeStockOverviews(records);
  const parts: string[] = [INVENTORY_WEB_MODULE, summary.count + ' records'];
  const context = await collectInventoryWebContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
