import { expect } from 'vitest';
import type { PreparationReport } from '../main/engine/report/report-model';
import { runCliIn } from './run-cli';

/** The spec's JSON report (§5), as `report --format json`, `upgrade --json`, `prepare --json` and `check --json` print it. */
export type JsonReport = PreparationReport;

/** Reads the latest preparation's report (or run `run`'s) with `report --format json`; expects exit 0 and nothing on stderr. */
export async function readJsonReport(env: string, run?: number): Promise<JsonReport> {
  const result = await runCliIn(env, [
    'report',
    '--format',
    'json',
    ...(run === undefined ? [] : ['--run', String(run)]),
  ]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as JsonReport;
}

/** Each module's status in a report, the excluded ones as 'excluded': the shape of the generator's `expected`. */
export function reportStatuses(report: JsonReport): Record<string, string> {
  const all: Record<string, string> = {};
  for (const module of report.modules) all[module.name] = module.status;
  for (const module of report.excluded) all[module.name] = 'excluded';
  return all;
}
