import { log, formatDate, getCurrentUser } from '@platform/runtime';
import { loadOrderDrafts } from '@modules/OrderModel';
import { describeWizardStep, summarizeWizardSteps, loadWizardSteps } from './records';

export { describeWizardStep, summarizeWizardSteps, loadWizardSteps } from './records';
export { DRAFT_ORDER_WIZARD_ENTITY } from './types';
export type { WizardStep, WizardStepSummary } from './types';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the DraftOrderWizard page for the current user. */
export async function renderDraftOrderWizardPage(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await loadWizardSteps(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describeWizardStep(record)) + '</li>');
  return (
    '<section><h1>Wizard Step overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), 'd MMM yyyy') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}

/** Context lines DraftOrderWizard gathers from the modules it builds on. */
export async function collectDraftOrderWizardContext(): Promise<string[]> {
  const lines: string[] = [];
  const orderDraftList = await loadOrderDrafts({ requestedBy: 'DraftOrderWizard' });
  lines.push('OrderModel: ' + orderDraftList.length + ' records');
  lines.push(...orderDraftList.slice(0, 3).map((item) => String(item.orderNumber)));
  return lines;
}

/** Name under which DraftOrderWizard reports to the platform console. */
export const DRAFT_ORDER_WIZARD_MODULE = 'DraftOrderWizard';

/** A one-line health report of DraftOrderWizard: a guided order wizard (draft). */
export async function draftOrderWizardHealth(): Promise<string> {
  const records = await loadWizardSteps();
  const summary = summarizeWizardSteps(records);
  const parts: string[] = [DRAFT_ORDER_WIZARD_MODULE, summary.count + ' records'];
  const context = await collectDraftOrderWizardContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
