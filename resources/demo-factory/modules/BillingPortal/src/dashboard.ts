import { getCurrentUser, type CurrentUser } from '@platform/runtime';
import { describeBillingStatement, loadBillingStatements } from './records';

/** A dashboard as BillingPortal shows it. */
export interface BillingPortalDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Statement records. */
export function canEditBillingStatement(user: CurrentUser): boolean {
  return user.roles.indexOf('BillingPortal.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the BillingPortal dashboard for the current user. */
export async function buildBillingPortalDashboard(): Promise<BillingPortalDashboard> {
  const user = getCurrentUser();
  const records = await loadBillingStatements({ owner: user.id });
  return {
    title: 'Statement dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeBillingStatement(record)),
    editable: canEditBillingStatement(user),
  };
}
