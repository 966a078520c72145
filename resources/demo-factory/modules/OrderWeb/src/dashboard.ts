import { getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describeOrderLineView, loadOrderLineViews } from './records';

/** A dashboard as OrderWeb shows it. */
export interface OrderWebDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Order Line records. */
export function canEditOrderLineView(user: CurrentUser): boolean {
  return user.roles.indexOf('OrderWeb.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the OrderWeb dashboard for the current user. */
export async function buildOrderWebDashboard(): Promise<OrderWebDashboard> {
  const user = getCurrentUser();
  const records = await loadOrderLineViews({ owner: user.id });
  return {
    title: 'Order Line dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeOrderLineView(record)),
    editable: canEditOrderLineView(user),
  };
}
