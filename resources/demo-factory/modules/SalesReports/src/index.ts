import { log } from '@platform/runtime';
import { collectSalesReportsContext } from './dependencies';
import { summarizeSalesFigures, loadSalesFigures } from './records';

export { collectSalesReportsContext } from './dependencies';
export { startSalesReportsJobs, saveSalesFigure } from './jobs';
export { describeSalesFigure, summarizeSalesFigures, loadSalesFigures } from './records';
export { SALES_REPORTS_ENTITY } from './types';
export type { SalesFigure, SalesFigureSummary } from './types';

/** Name under which SalesReports reports to the platform console. */
export const SALES_REPORTS_MODULE = 'SalesReports';

/** A one-line health report of SalesReports: sales reporting. */
export async function salesReportsHealth(): Promise<string> {
  const records = await loadSalesFigures();
  const summary = summarizeSalesFigures(records);
  const parts: string[] = [SALES_REPORTS_MODULE, summary.count + ' records'];
  const context = await collectSalesReportsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
