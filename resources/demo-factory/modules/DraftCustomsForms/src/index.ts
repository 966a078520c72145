import { log, getCurrentUser, type CurrentUser } from '@platform/runtime';
import { summarizeShippingLabels } from '@modules/ShippingLabels';
import { describeCustomsForm, summarizeCustomsForms, loadCustomsForms } from './records';

export { describeCustomsForm, summarizeCustomsForms, loadCustomsForms } from './records';
export { DRAFT_CUSTOMS_FORMS_ENTITY } from './types';
export type { CustomsForm, CustomsFormSummary } from './types';

/** A dashboard as DraftCustomsForms shows it. */
export interface DraftCustomsFormsDashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit Customs Form records. */
export function canEditCustomsForm(user: CurrentUser): boolean {
  return user.roles.indexOf('DraftCustomsForms.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the DraftCustomsForms dashboard for the current user. */
export async function buildDraftCustomsFormsDashboard(): Promise<DraftCustomsFormsDashboard> {
  const user = getCurrentUser();
  const records = await loadCustomsForms({ owner: user.id });
  return {
    title: 'Customs Form dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describeCustomsForm(record)),
    editable: canEditCustomsForm(user),
  };
}

/** Context lines DraftCustomsForms gathers from the modules it builds on. */
export async function collectDraftCustomsFormsContext(): Promise<string[]> {
  const lines: string[] = [];
  const shippingLabelSummary = summarizeShippingLabels([{ id: 6, trackingNumber: 'trackingNumber-5', carrier: 'carrier-6', weightKg: 8, shippedAt: new Date(1700691200000) }]);
  lines.push(shippingLabelSummary.count + ' from ShippingLabels: ' + shippingLabelSummary.labels.join('; '));
  return lines;
}

/** Collapses whitespace and case so labels compare equal. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Name under which DraftCustomsForms reports to the platform console. */
export const DRAFT_CUSTOMS_FORMS_MODULE = 'DraftCustomsForms';

/** A one-line health report of DraftCustomsForms: customs forms (draft). */
export async function draftCustomsFormsHealth(): Promise<string> {
  const records = await loadCustomsForms();
  const summary = summarizeCustomsForms(records);
  const parts: string[] = [DRAFT_CUSTOMS_FORMS_MODULE, summary.count + ' records'];
  parts.push(normalizeText(summary.labels.join(' ')).slice(0, 40));
  const context = await collectDraftCustomsFormsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
