import { describeMailTemplate, type MailTemplate } from '@modules/MailTemplates';
import { summarizeReportDefinitions } from '@modules/ReportEngine';

/** Context lines ReportScheduler gathers from the modules it builds on. */
export async function collectReportSchedulerContext(): Promise<string[]> {
  const lines: string[] = [];
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 6, title: 'title-5', period: 'period-6', rows: 8, generated: true }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  const mailTemplateSample: MailTemplate = { id: 13, recipient: 'recipient-12', subject: 'subject-13', sentAt: new Date(1701209600000), delivered: false };
  lines.push(describeMailTemplate(mailTemplateSample));
  return lines;
}
