import type { Command } from 'commander';
import type { RunSummary } from '../../../common/domain';
import { runCountsWords } from '../../../common/run-words';
import { loadReport } from '../../engine/report/report-model';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf } from '../environment-session';
import { ExitCode, exitCodeOfRun } from '../exit-codes';
import { printError, printJson, printLine } from '../output';
import { runLong, shippedVersion } from './preparation-commands';

/** "98 ready, 5 would fail, 7 would be skipped, 4 excluded": a check's outcome in the admin's words. */
export function describeReadiness(run: RunSummary): string {
  return runCountsWords('check', run.counts);
}

/** `check [--to VERSION] [--json]`: the upgrade readiness check (spec §4c). */
export function registerCheckCommand(program: Command, kit: CommandKit): void {
  program
    .command('check')
    .description(
      'the upgrade readiness check: compiles what a preparation for VERSION would, without upgrading, locking or deploying',
    )
    .option(
      '--to <version>',
      'the platform version to check against (default: the installed Platform Server)',
      shippedVersion,
    )
    .option('--json', "print the check's report as JSON on stdout")
    .action(
      kit.action(async (options: { to?: string; json?: boolean }, command: Command) => {
        const { checkReadiness } = await import('../../engine/preparation/check-readiness');
        const environmentDir = environmentDirOf(globalOptions(command));
        const { run, report } = await runLong('check', environmentDir, async (context, events) => {
          const summary = await checkReadiness(context, {
            toVersion: options.to,
            onEvent: events.onEvent,
            shouldStop: events.shouldStop,
          });
          return { run: summary, report: options.json ? loadReport(context.db, summary.id) : null };
        });
        if (report) printJson(report);
        if (run.status === 'interrupted') {
          printError(
            `Readiness check run #${run.id} was interrupted: ${run.total - run.counts.pending - run.counts.compiling} of ${run.total} modules done. Run 'config-tool check' again to resume it.`,
          );
          return ExitCode.error;
        }
        if (!options.json) {
          printLine(`Readiness check run #${run.id} for ${run.toVersion}: ${describeReadiness(run)}.`);
          printLine(
            run.counts.failed + run.counts.skipped > 0
              ? `Nothing was upgraded or deployed. See 'config-tool report --run ${run.id}' for which modules and why.`
              : `Nothing was upgraded or deployed; the preparation after the upgrade will reuse these compilations.`,
          );
        }
        return exitCodeOfRun(run);
      }),
    );
}
