/** A Mail Template record as MailTemplates stores it. */
export interface MailTemplate {
  id: number;
  recipient: string;
  subject: string;
  sentAt: Date;
  delivered: boolean;
}

/** What MailTemplates reports about a batch of Mail Template records. */
export interface MailTemplateSummary {
  count: number;
  labels: string[];
}

/** Entity under which MailTemplates stores its records. */
export const MAIL_TEMPLATES_ENTITY = 'MailTemplates.MailTemplate';
