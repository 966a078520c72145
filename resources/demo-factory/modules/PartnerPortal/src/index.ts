import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { summarizeCustomerRecords } from '@modules/CustomerCore';
import { loadThemeTokens } from '@modules/PortalTheme';
import { describePartnerAccount, summarizePartnerAccounts, loadPartnerAccounts } from './records';

export { describePartnerAccount, summarizePartnerAccounts, loadPartnerAccounts } from './records';
export { PARTNER_PORTAL_ENTITY } from './types';
export type { PartnerAccount, PartnerAccountSummary } from './types';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the PartnerPortal page for the current user. */
export async function renderPartnerPortalPage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadPartnerAccounts(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describePartnerAccount(record)) + '</li>');
  return (
    '<section><h1>Partner overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}

/** Context lines PartnerPortal gathers from the modules it builds on. */
export async function collectPartnerPortalContext(): Promise<string[]> {
  const lines: string[] = [];
  const themeTokenList = await loadThemeTokens({ requestedBy: 'PartnerPortal' });
  lines.push('PortalTheme: ' + themeTokenList.length + ' records');
  lines.push(...themeTokenList.slice(0, 3).map((item) => String(item.value)));
  const customerRecordSummary = summarizeCustomerRecords([{ id: 12, name: 'name-11', email: 'email-12', creditLimit: 14, active: true, segments: ['segments'] }]);
  lines.push(customerRecordSummary.count + ' from CustomerCore: ' + customerRecordSummary.labels.join('; '));
  return lines;
}

/** Name under which PartnerPortal reports to the platform console. */
export const PARTNER_PORTAL_MODULE = 'PartnerPortal';

/** A one-line health report of PartnerPortal: the partner portal. */
export async function partnerPortalHealth(): Promise<string> {
  const records = await loadPartnerAccounts();
  const summary = summarizePartnerAccounts(records);
  const parts: string[] = [PARTNER_PORTAL_MODULE, summary.count + ' records'];
  const context = await collectPartnerPortalContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
