import { loadSalesOrders } from '@modules/OrderService';
import { summarizeReportDefinitions } from '@modules/ReportEngine';

/** Context lines SalesReports gathers from the modules it builds on. */
export async function collectSalesReportsContext(): Promise<string[]> {
  const lines: string[] = [];
  const salesOrderList = await loadSalesOrders({ requestedBy: 'SalesReports' });
  lines.push('OrderService: ' + salesOrderList.length + ' records');
  lines.push(...salesOrderList.slice(0, 3).map((item) => String(item.total)));
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 18, title: 'title-17', period: 'period-18', rows: 20, generated: true }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  return lines;
}
