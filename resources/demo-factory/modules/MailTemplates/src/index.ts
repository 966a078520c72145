import { log, getCurrentUser, sendMailLegacy } from '@platform/runtime';
import { summarizeAppSettings } from '@modules/CommonLib';
import { describeMailTemplate, summarizeMailTemplates, loadMailTemplates } from './format';
import type { MailTemplate } from './types';

export { describeMailTemplate, summarizeMailTemplates, loadMailTemplates } from './format';
export { MAIL_TEMPLATES_ENTITY } from './types';
export type { MailTemplate, MailTemplateSummary } from './types';

/** Problems that keep a Mail Template from being saved; empty when it is valid. */
export function validateMailTemplate(value: MailTemplate): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
  if (value.recipient.trim().length === 0) problems.push('recipient is required');
  if (value.subject.trim().length === 0) problems.push('subject is required');
  if (isNaN(value.sentAt.getTime())) problems.push('sentAt is not a valid date');
  return problems;
}

/** Context lines MailTemplates gathers from the modules it builds on. */
export async function collectMailTemplatesContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSummary = summarizeAppSettings([{ id: 9, key: 'key-8', value: 'value-9', updatedAt: new Date(1700864000000) }]);
  lines.push(appSettingSummary.count + ' from CommonLib: ' + appSettingSummary.labels.join('; '));
  return lines;
}

/** Mails the current user that a Mail Template changed. */
export function notifyMailTemplatesOwner(value: MailTemplate): void {
  const user = getCurrentUser();
  sendMailLegacy(user.email, 'Mail Template changed: ' + describeMailTemplate(value));
}

/** Name under which MailTemplates reports to the platform console. */
export const MAIL_TEMPLATES_MODULE = 'MailTemplates';

/** A one-line health report of MailTemplates: mail templates. */
export async function mailTemplatesHealth(): Promise<string> {
  const records = await loadMailTemplates();
  const summary = summarizeMailTemplates(records);
  const parts: string[] = [MAIL_TEMPLATES_MODULE, summary.count + ' records'];
  const context = await collectMailTemplatesContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
