import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadSalesFigures } from './records';
import { type SalesFigure, SALES_REPORTS_ENTITY } from './types';

/** Registers the periodic refresh of SalesReports. */
export function startSalesReportsJobs(): void {
  setTimer('SalesReports.refresh', 660000, async () => {
    const records = await loadSalesFigures();
    log('SalesReports: refreshed ' + records.length + ' Sales Figure records');
  });
}

/** Stores a Sales Figure; resolves to its id. */
export async function saveSalesFigure(value: SalesFigure): Promise<number> {
  const id = await saveEntity(SALES_REPORTS_ENTITY, { ...value });
  log('SalesReports: saved Sales Figure ' + id);
  return id;
}
