import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { loadBillingRuns } from '@modules/BillingService';
import { summarizeReportDefinitions } from '@modules/ReportEngine';
import { summarizeFinanceKpis, loadFinanceKpis } from './records';
import type { FinanceKpi } from './types';

export { describeFinanceKpi, summarizeFinanceKpis, loadFinanceKpis } from './records';
export { FINANCE_REPORTS_ENTITY } from './types';
export type { FinanceKpi, FinanceKpiSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/finance-kpi';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('FinanceReports: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Finance KPI from the partner system. */
export async function fetchFinanceKpi(id: number): Promise<FinanceKpi | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as FinanceKpi;
}

/** Sends a Finance KPI to the partner system; true when it was accepted. */
export async function pushFinanceKpi(value: FinanceKpi): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines FinanceReports gathers from the modules it builds on. */
export async function collectFinanceReportsContext(): Promise<string[]> {
  const lines: string[] = [];
  const billingRunList = await loadBillingRuns({ requestedBy: 'FinanceReports' });
  lines.push('BillingService: ' + billingRunList.length + ' records');
  lines.push(...billingRunList.slice(0, 3).map((item) => String(item.paid)));
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 15, title: 'title-14', period: 'period-15', rows: 17, generated: false }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which FinanceReports reports to the platform console. */
export const FINANCE_REPORTS_MODULE = 'FinanceReports';

/** A one-line health report of FinanceReports: finance KPIs. */
export async function financeReportsHealth(): Promise<string> {
  const records = await loadFinanceKpis();
  const summary = summarizeFinanceKpis(records);
  const parts: string[] = [FINANCE_REPORTS_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectFinanceReportsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
