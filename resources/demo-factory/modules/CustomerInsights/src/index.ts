import { log, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { loadCustomerRecords } from '@modules/CustomerCore';
import { summarizeCustomerSegments } from '@modules/CustomerSegments';
import { describeCustomerInsight, summarizeCustomerInsights, loadCustomerInsights } from './records';

export { describeCustomerInsight, summarizeCustomerInsights, loadCustomerInsights } from './records';
export { CUSTOMER_INSIGHTS_ENTITY } from './types';
export type { CustomerInsight, CustomerInsightSummary } from './types';

/** A dashboard as CustomerInsights shows it. */
export interface CustomerInsightsDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Insight records. */
export function canEditCustomerInsight(user: CurrentUser): boolean {
  return user.roles.indexOf('CustomerInsights.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the CustomerInsights dashboard for the current user. */
export async function buildCustomerInsightsDashboard(): Promise<CustomerInsightsDashboard> {
  const user = getCurrentUser();
  const records = await loadCustomerInsights({ owner: user.id });
  return {
    title: 'Insight dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeCustomerInsight(record)),
    editable: canEditCustomerInsight(user),
  };
}

/** Context lines CustomerInsights gathers from the modules it builds on. */
export async function collectCustomerInsightsContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordList = await loadCustomerRecords({ requestedBy: 'CustomerInsights' });
  lines.push('CustomerCore: ' + customerRecordList.length + ' records');
  lines.push(...customerRecordList.slice(0, 3).map((item) => String(item.email)));
  const customerSegmentSummary = summarizeCustomerSegments([{ id: 9, key: 'key-8', value: 'value-9', updatedAt: new Date(1700864000000) }]);
  lines.push(customerSegmentSummary.count + ' from CustomerSegments: ' + customerSegmentSummary.labels.join('; '));
  return lines;
}

/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function clampRatio(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Name under which CustomerInsights reports to the platform console. */
export const CUSTOMER_INSIGHTS_MODULE = 'CustomerInsights';

/** A one-line health report of CustomerInsights: customer insights. */
export async function customerInsightsHealth(): Promise<string> {
  const records = await loadCustomerInsights();
  const summary = summarizeCustomerInsights(records);
  const parts: string[] = [CUSTOMER_INSIGHTS_MODULE, summary.count + ' records'];
  parts.push('load ' + clampRatio(summary.count / 100).toFixed(2));
  const context = await collectCustomerInsightsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
