import { log } from '@platform/runtime';
import { loadStockMovements } from '@modules/InventoryService';
import { summarizeReportDefinitions } from '@modules/ReportEngine';
import { summarizeStockValuations, loadStockValuations } from './records';

export { startInventoryReportsJobs, saveStockValuation } from './jobs';
export { describeStockValuation, summarizeStockValuations, loadStockValuations } from './records';
export { INVENTORY_REPORTS_ENTITY } from './types';
export type { StockValuation, StockValuationSummary } from './types';

/** Context lines InventoryReports gathers from the modules it builds on. */
export async function collectInventoryReportsContext(): Promise<string[]> {
  const lines: string[] = [];
  const stockMovementList = await loadStockMovements({ requestedBy: 'InventoryReports' });
  lines.push('InventoryService: ' + stockMovementList.length + ' records');
  lines.push(...stockMovementList.slice(0, 3).map((item) => String(item.warehouse)));
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 12, title: 'title-11', period: 'period-12', rows: 14, generated: true }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  return lines;
}

/** Name under which InventoryReports reports to the platform console. */
export const INVENTORY_REPORTS_MODULE = 'InventoryReports';

/** A one-line health report of InventoryReports: stock valuation. */
export async function inventoryReportsHealth(): Promise<string> {
  const records = await loadStockValuations();
  const summary = summarizeStockValuations(records);
  const parts: string[] = [INVENTORY_REPORTS_MODULE, summary.count + ' records'];
  const context = await collectInventoryReportsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
