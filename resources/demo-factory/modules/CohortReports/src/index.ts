import { log, saveEntity, setTimer } from '@platform/runtime';
import { summarizeCustomerSegments } from '@modules/CustomerSegments';
import { loadTrackedEvents } from '@modules/EventTracking';
import { summarizeCohortRows, loadCohortRows } from './records';
import { type CohortRow, COHORT_REPORTS_ENTITY } from './types';

export { describeCohortRow, summarizeCohortRows, loadCohortRows } from './records';
export { COHORT_REPORTS_ENTITY } from './types';
export type { CohortRow, CohortRowSummary } from './types';

/** Registers the periodic refresh of CohortReports. */
export function startCohortReportsJobs(): void {
  setTimer('CohortReports.refresh', 300000, async () => {
    const records = await loadCohortRows();
    log('CohortReports: refreshed ' + records.length + ' Cohort records');
  });
}

/** Stores a Cohort; resolves to its id. */
export async function saveCohortRow(value: CohortRow): Promise<number> {
  const id = await saveEntity(COHORT_REPORTS_ENTITY, { ...value });
  log('CohortReports: saved Cohort ' + id);
  return id;
}

/** Context lines CohortReports gathers from the modules it builds on. */
export async function collectCohortReportsContext(): Promise<string[]> {
  const lines: string[] = [];
  const trackedEventList = await loadTrackedEvents({ requestedBy: 'CohortReports' });
  lines.push('EventTracking: ' + trackedEventList.length + ' records');
  lines.push(...trackedEventList.slice(0, 3).map((item) => String(item.name)));
  const customerSegmentSummary = summarizeCustomerSegments([{ id: 12, key: 'key-11', value: 'value-12', updatedAt: new Date(1701123200000) }]);
  lines.push(customerSegmentSummary.count + ' from CustomerSegments: ' + customerSegmentSummary.labels.join('; '));
  return lines;
}

/** Name under which CohortReports reports to the platform console. */
export const COHORT_REPORTS_MODULE = 'CohortReports';

/** A one-line health report of CohortReports: cohort analysis. */
export async function cohortReportsHealth(): Promise<string> {
  const records = await loadCohortRows();
  const summary = summarizeCohortRows(records);
  const parts: string[] = [COHORT_REPORTS_MODULE, summary.count + ' records'];
  const context = await collectCohortReportsContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
