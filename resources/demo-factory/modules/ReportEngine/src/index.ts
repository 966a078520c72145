import { log } from '@platform/runtime';
import { describeAppSetting, type AppSetting } from '@modules/CommonLib';
import { describeReportDefinition, summarizeReportDefinitions, loadReportDefinitions } from './format';
import type { ReportDefinition } from './types';

export { describeReportDefinition, summarizeReportDefinitions, loadReportDefinitions } from './format';
export { REPORT_ENGINE_ENTITY } from './types';
export type { ReportDefinition, ReportDefinitionSummary } from './types';

/** Orders Report records by their description, then by id. */
export function compareReportDefinitions(left: ReportDefinition, right: ReportDefinition): number {
  return describeReportDefinition(left).localeCompare(describeReportDefinition(right)) || left.id - right.id;
}

/** Indexes Report records by id; the last one wins on duplicates. */
export function indexReportDefinitionsById(values: ReportDefinition[]): Map<number, ReportDefinition> {
  const byId = new Map<number, ReportDefinition>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}

/** Context lines ReportEngine gathers from the modules it builds on. */
export async function collectReportEngineContext(): Promise<string[]> {
  const lines: string[] = [];
  const appSettingSample: AppSetting = { id: 4, key: 'key-3', value: 'value-4', updatedAt: new Date(1700432000000) };
  lines.push(describeAppSetting(appSettingSample));
  return lines;
}

/** The smallest id above every id in use. */
export function nextFreeId(ids: number[]): number {
  return ids.reduce((max, id) => (id > max ? id : max), 0) + 1;
}

/** Name under which ReportEngine reports to the platform console. */
export const REPORT_ENGINE_MODULE = 'ReportEngine';

/** A one-line health report of ReportEngine: report definitions. */
export async function reportEngineHealth(): Promise<string> {
  const records = await loadReportDefinitions();
  const summary = summarizeReportDefinitions(records);
  const parts: string[] = [REPORT_ENGINE_MODULE, summary.count + ' records'];
  parts.push('next id ' + nextFreeId(records.map((record) => record.id)));
  const context = await collectReportEngineContext();
  parts.push(context.length + ' upstream checks');
  log(parts.join(' - '));
  return parts.join(' - ');
}
