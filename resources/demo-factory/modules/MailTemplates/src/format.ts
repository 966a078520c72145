import { queryEntities, formatDate } from '@platform/runtime';
import { type MailTemplate, type MailTemplateSummary, MAIL_TEMPLATES_ENTITY } from './types';

/** One line describing a Mail Template, for logs and lists. */
export function describeMailTemplate(value: MailTemplate): string {
  return 'Mail Template #' + value.id + ': ' + [value.recipient, value.subject, formatDate(value.sentAt, 'yyyy-MM-dd'), (value.delivered ? 'delivered' : 'not delivered')].join(' | ');
}

/** Counts and labels a batch of Mail Template records. */
export function summarizeMailTemplates(values: MailTemplate[]): MailTemplateSummary {
  const labels = values.map((value) => describeMailTemplate(value));
  return { count: values.length, labels };
}

/** Reads Mail Template records, oldest first. */
export async function loadMailTemplates(filter?: Record<string, unknown>): Promise<MailTemplate[]> {
  const rows = await queryEntities<MailTemplate>(MAIL_TEMPLATES_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);
}
