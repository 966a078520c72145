import { log, saveEntity, setTimer } from '@platform/runtime';
import { loadEmployeeRecords } from '@modules/EmployeeCore';
import { summarizeReportDefinitions } from '@modules/ReportEngine';
import { summarizeHeadcountFigures, loadHeadcountFigures } from './records';
import { type HeadcountFigure, HR_REPORTS_ENTITY } from './types';

export { describeHeadcountFigure, summarizeHeadcountFigures, loadHeadcountFigures } from './records';
export { HR_REPORTS_ENTITY } from './types';
export type { HeadcountFigure, HeadcountFigureSummary } from './types';

/** Registers the periodic refresh of HrReports. */
export function startHrReportsJobs(): void {
  setTimer('HrReports.refresh', 300000, async () => {
    const records = await loadHeadcountFigures();
    log('HrReports: refreshed ' + records.length + ' Headcount records');
  });
}

/** Stores a Headcount; resolves to its id. */
export async function saveHeadcountFigure(value: HeadcountFigure): Promise<number> {
  const id = await saveEntity(HR_REPORTS_ENTITY, { ...value });
  log('HrReports: saved Headcount ' + id);
  return id;
}

/** Context lines HrReports gathers from the modules it builds on. */
export async function collectHrReportsContext(): Promise<string[]> {
  const lines: string[] = [];
  const employeeRecordList = await loadEmployeeRecords({ requestedBy: 'HrReports' });
  lines.push('EmployeeCore: ' + employeeRecordList.length + ' records');
  lines.push(...employeeRecordList.slice(0, 3).map((item) => String(item.employeeNumber)));
  const reportDefinitionSummary = summarizeReportDefinitions([{ id: 12, title: 'title-11', period: 'period-12', rows: 14, generated: true }]);
  lines.push(reportDefinitionSummary.count + ' from ReportEngine: ' + reportDefinitionSummary.labels.join('; '));
  return lines;
}

/** Name under which HrReports reports to the platform console. */
export const HR_REPORTS_MODULE = 'HrReports';

/** A one-line health report of HrReports: headcount reporting. */
export async function hrReportsHealth(): Promise<string> {
  const records = await loadHeadcountFigures();
  const summary = summarizeHeadcountFigures(records);
  const parts: string[] = [HR_REPORTS_MODULE, summary.count + ' records'];
  const context = await collectHrReportsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
