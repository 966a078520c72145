import { log, queryEntities, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { loadCustomerRecords } from '@modules/CustomerCore';
import { summarizeNavigationItems } from '@modules/PortalShell';
import { type CustomerAccountView, type CustomerAccountViewSummary, CUSTOMER_PORTAL_ENTITY } from './types';

export { CUSTOMER_PORTAL_ENTITY } from './types';
export type { CustomerAccountView, CustomerAccountViewSummary } from './types';

/** One line describing a Customer Account, for logs and lists. */
export function describeCustomerAccountView(value: CustomerAccountView): string {
  const parts: string[] = [];
  parts.push(value.name);
  parts.push(value.email);
  parts.push(value.creditLimit.toFixed(2));
  parts.push((value.active ? 'active' : 'not active'));
  return 'Customer Account ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}

/** Counts and labels a batch of Customer Account records. */
export function summarizeCustomerAccountViews(values: CustomerAccountView[]): CustomerAccountViewSummary {
  const labels = values.map((value) => describeCustomerAccountView(value));
  return { count: values.length, labels };
}

/** Reads Customer Account records, oldest first. */
export async function loadCustomerAccountViews(filter?: Record<string, unknown>): Promise<CustomerAccountView[]> {
  const rows = await queryEntities<CustomerAccountView>(CUSTOMER_PORTAL_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);
}

/** A dashboard as CustomerPortal shows it. */
export interface CustomerPortalDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Customer Account records. */
export function canEditCustomerAccountView(user: CurrentUser): boolean {
  return user.roles.indexOf('CustomerPortal.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the CustomerPortal dashboard for the current user. */
export async function buildCustomerPortalDashboard(): Promise<CustomerPortalDashboard> {
  const user = getCurrentUser();
  const records = await loadCustomerAccountViews({ owner: user.id });
  return {
    title: 'Customer Account dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeCustomerAccountView(record)),
    editable: canEditCustomerAccountView(user),
  };
}

/** Context lines CustomerPortal gathers from the modules it builds on. */
export async function collectCustomerPortalContext(): Promise<string[]> {
  const lines: string[] = [];
  const customerRecordList = await loadCustomerRecords({ requestedBy: 'CustomerPortal' });
  lines.push('CustomerCore: ' + customerRecordList.length + ' records');
  lines.push(...customerRecordList.slice(0, 3).map((item) => String(item.creditLimit)));
  const navigationItemSummary = summarizeNavigationItems([{ id: 15, title: 'title-14', path: 'path-15', published: true }]);
  lines.push(navigationItemSummary.count + ' from PortalShell: ' + navigationItemSummary.labels.join('; '));
  return lines;
}

/** One page of a list; pages start at 0. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}

/** Name under which CustomerPortal reports to the platform console. */
export const CUSTOMER_PORTAL_MODULE = 'CustomerPortal';

/** A one-line health report of CustomerPortal: self-service accounts. */
export async function customerPortalHealth(): Promise<string> {
  const records = await loadCustomerAccountViews();
  const summary = summarizeCustomerAccountViews(records);
  const parts: string[] = [CUSTOMER_PORTAL_MODULE, summary.count + ' records'];
  parts.push(pageOf(summary.labels, 0, 3).join('; '));
  const context = await collectCustomerPortalContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
