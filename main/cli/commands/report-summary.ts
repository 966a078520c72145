import type { ModulePreparationStatus } from '../../../common/domain';
import { moduleStatusWord, reportTitle, runCountsWords, runStatusWords } from '../../../common/run-words';
import { formatElapsed, formatReportTime } from '../../../common/time-format';
import { iterateReportModules, loadReportHead } from '../../engine/report/report-model';
import { errorText } from '../../engine/report/report-text';
import type { Db } from '../../engine/store/database';

/** How many failed (and skipped) modules the summary names; the full report has them all. */
const SHOWN = 20;

/** The modules of one status, each with its first error, at most SHOWN, and how many more. */
function statusSection(
  db: Db,
  runId: number,
  kind: Parameters<typeof moduleStatusWord>[0],
  status: ModulePreparationStatus,
  total: number,
): string[] {
  if (total === 0) return [];
  const lines = [`${moduleStatusWord(kind, status)} (${total}):`];
  for (const module of iterateReportModules(db, runId, { status, limit: SHOWN })) {
    const first = module.errors[0];
    const more = module.errors.length > 1 ? ` (and ${module.errors.length - 1} more)` : '';
    lines.push(`  ${module.name}: ${first === undefined ? 'no error recorded' : errorText(first)}${more}`);
  }
  if (total > SHOWN) lines.push(`  … and ${total - SHOWN} more`);
  return lines;
}

/**
 * `report` on a terminal without --format: the run in a few lines (what, when, the counts), the failed
 * and skipped modules with their first error, and how to get the full report. A pipe gets the JSON (spec §5).
 */
export function reportSummary(db: Db, runId?: number): string {
  const head = loadReportHead(db, runId);
  const { run } = head;
  // The Words table: an upgrade (or the check for one) reads "11.11.3 → 11.17.0", a Prepare again run its version.
  const versions =
    head.kind === 'prepare' || run.fromVersion === run.toVersion
      ? run.toVersion
      : `${run.fromVersion} → ${run.toVersion}`;
  const retry = head.kind === 'prepare' && head.retryOf !== null ? ` (Prepare again of #${head.retryOf})` : '';
  const elapsed =
    run.finishedAt === null ? '' : ` (${formatElapsed(Date.parse(run.finishedAt) - Date.parse(run.startedAt))})`;
  const lines = [
    `${reportTitle(head.kind)}, run #${run.id}${retry} for ${versions}: ${runStatusWords(run.status, run.counts).text}`,
    `Started ${formatReportTime(run.startedAt)} by ${head.startedBy}, finished ${formatReportTime(run.finishedAt)}${elapsed}`,
    `${runCountsWords(head.kind, run.counts)}.`,
    ...statusSection(db, run.id, head.kind, 'failed', run.counts.failed),
    ...statusSection(db, run.id, head.kind, 'skipped', run.counts.skipped),
    `The full report: config-tool report${runId === undefined ? '' : ` --run ${run.id}`} --format html --output report.html ` +
      `(or json, csv, junit); without --format, a pipe or a file gets the JSON.`,
  ];
  return lines.join('\n');
}
