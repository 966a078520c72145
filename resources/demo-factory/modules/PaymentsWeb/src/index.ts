import { log, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { summarizeSettlements } from '@modules/PaymentService';
import { describePaymentReceipt, summarizePaymentReceipts, loadPaymentReceipts } from './records';

export { describePaymentReceipt, summarizePaymentReceipts, loadPaymentReceipts } from './records';
export { PAYMENTS_WEB_ENTITY } from './types';
export type { PaymentReceipt, PaymentReceiptSummary } from './types';

/** A dashboard as PaymentsWeb shows it. */
export interface PaymentsWebDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Receipt records. */
export function canEditPaymentReceipt(user: CurrentUser): boolean {
  return user.roles.indexOf('PaymentsWeb.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the PaymentsWeb dashboard for the current user. */
export async function buildPaymentsWebDashboard(): Promise<PaymentsWebDashboard> {
  const user = getCurrentUser();
  const records = await loadPaymentReceipts({ owner: user.id });
  return {
    title: 'Receipt dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describePaymentReceipt(record)),
    editable: canEditPaymentReceipt(user),
  };
}

/** Context lines PaymentsWeb gathers from the modules it builds on. */
export async function collectPaymentsWebContext(): Promise<string[]> {
  const lines: string[] = [];
  const settlementSummary = summarizeSettlements([{ id: 6, reference: 'reference-5', amount: 7, currency: 'currency-7', settled: true }]);
  lines.push(settlementSummary.count + ' from PaymentService: ' + settlementSummary.labels.join('; '));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which PaymentsWeb reports to the platform console. */
export const PAYMENTS_WEB_MODULE = 'PaymentsWeb';

/** A one-line health report of PaymentsWeb: payment pages. */
export async function paymentsWebHealth(): Promise<string> {
  const records = await loadPaymentReceipts();
  const summary = summarizePaymentReceipts(records);
  const parts: string[] = [PAYMENTS_WEB_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectPaymentsWebContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
