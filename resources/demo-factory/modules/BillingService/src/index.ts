import { log, httpGet, httpPost, type HttpResponse } from '@platform/runtime';
import { loadCustomerRecords } from '@modules/CustomerCore';
import { summarizeInvoiceDocuments } from '@modules/InvoiceLib';
import { describeTaxRate, type TaxRate } from '@modules/TaxRules';
import { summarizeBillingRuns, loadBillingRuns } from './records';
import type { BillingRun } from './types';

export { describeBillingRun, summarizeBillingRuns, loadBillingRuns } from './records';
export { BILLING_SERVICE_ENTITY } from './types';
export type { BillingRun, BillingRunSummary } from './types';

const PARTNER_URL = 'https://partners.acme.example/api/billing-run';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('BillingService: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one Billing Run from the partner system. */
export async function fetchBillingRun(id: number): Promise<BillingRun | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as BillingRun;
}

/** Sends a Billing Run to the partner system; true when it was accepted. */
export async function pushBillingRun(value: BillingRun): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}

/** Context lines BillingService gathers from the modules it builds on. */
export async function collectBillingServiceContext(): Promise<string[]> {
  const lines: string[] = [];
  const invoiceDocumentSummary = summarizeInvoiceDocuments([{ id: 12, invoiceNumber: 'invoiceNumber-11', amount: 13, dueDate: new Date(1701123200000), paid: true }]);
  lines.push(invoiceDocumentSummary.count + ' from InvoiceLib: ' + invoiceDocumentSummary.labels.join('; '));
  const taxRateSample: TaxRate = { id: 19, field: 'field-18', pattern: 'pattern-19', required: true };
  lines.push(describeTaxRate(taxRateSample));
  const customerRecordList = await loadCustomerRecords({ requestedBy: 'BillingService' });
  lines.push('CustomerCore: ' + customerRecordList.length + ' records');
  lines.push(...customerRecordList.slice(0, 3).map((item) => String(item.name)));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which BillingService reports to the platform console. */
export const BILLING_SERVICE_MODULE = 'BillingService';

/** A one-line health report of BillingService: monthly billing runs. */
export async function billingServiceHealth(): Promise<string> {
  const records = await loadBillingRuns();
  const summary = summarizeBillingRuns(records);
  const parts: string[] = [BILLING_SERVICE_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectBillingServiceContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
