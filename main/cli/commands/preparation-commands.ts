import type { Command } from 'commander';
import { UserError } from '../../engine/errors';
import type { RunSummary } from '../../../common/domain';
import type { EngineContext } from '../../engine/engine-context';
import { isKnownVersion, listPlatformVersions } from '../../engine/platform/platform-versions';
import type { EngineEventListener } from '../../engine/preparation/preparation-events';
import { loadReport, type PreparationReport } from '../../engine/report/report-model';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { ExitCode, exitCodeOfRun } from '../exit-codes';
import { moduleNames, plural, printError, printJson, printLine } from '../output';
import { describeCounts } from './environment-commands';
import { preparationProgress } from './preparation-progress';
import { exitCodeOfSignal, stopOnSignal } from './stop-signal';

/**
 * Parses --to: a shipped platform version. A UserError rather than Commander's InvalidArgumentError,
 * whose message Commander prefixes with its own sentence ("argument '12.0.0' is invalid."): one sentence
 * that lists what is shipped.
 */
export function shippedVersion(value: string): string {
  if (!isKnownVersion(value)) {
    const shipped = listPlatformVersions();
    throw new UserError(
      'bad-usage',
      `--to ${value} is not a shipped platform version; the shipped ones are ${shipped.slice(0, -1).join(', ')} and ${shipped.at(-1)}.`,
    );
  }
  return value;
}

/** The run's report, read while the environment is still open, when --json asks for it. */
function reportFor(
  context: EngineContext,
  run: RunSummary | null,
  json: boolean | undefined,
): PreparationReport | null {
  return json && run ? loadReport(context.db, run.id) : null;
}

/**
 * Prints how a run ended and resolves to the exit status: 3 with failed or skipped
 * modules; interrupted, 130 after Ctrl+C (143 after SIGTERM), else 1.
 */
function finishRun(
  run: RunSummary | null,
  json: boolean,
  report: PreparationReport | null,
  stoppedBy: NodeJS.Signals | null,
): ExitCode {
  // --json prints the run's final report (the spec's report object); no run, no modules.
  if (json) printJson(report ?? { run: null, modules: [], excluded: [] });
  if (run?.status === 'interrupted') {
    printError(
      `Preparation run #${run.id} was interrupted: ${describeCounts(run)} of ${run.total}. Run 'config-tool prepare' to resume it.`,
    );
    return stoppedBy ? exitCodeOfSignal(stoppedBy) : ExitCode.error;
  }
  if (run && !json) {
    printLine(
      `Preparation run #${run.id} for ${run.toVersion} ${run.status === 'finished' && run.counts.failed + run.counts.skipped > 0 ? 'finished with errors' : run.status}: ${describeCounts(run)} (${run.total} modules).`,
    );
    if (run.counts.failed + run.counts.skipped > 0) {
      printLine(
        `Some modules are not prepared. See 'config-tool report' for their errors, then 'config-tool prepare' to prepare them again.`,
      );
    }
  }
  return exitCodeOfRun(run);
}

/** Runs a long operation with its progress display and Ctrl+C handling, and always tears both down. */
export async function runLong<T>(
  title: 'upgrade' | 'prepare' | 'check',
  environmentDir: string,
  operation: (
    context: EngineContext,
    events: { onEvent: EngineEventListener; shouldStop: () => boolean },
  ) => Promise<T>,
): Promise<T & { stoppedBy: NodeJS.Signals | null }> {
  const progress = preparationProgress(title, title);
  const stop = stopOnSignal();
  try {
    const result = await withEnvironment(environmentDir, (context) =>
      operation(context, { onEvent: progress.onEvent, shouldStop: stop.shouldStop }),
    );
    return { ...result, stoppedBy: stop.signal() };
  } finally {
    stop.dispose();
    progress.stop();
  }
}

/** `upgrade`, `prepare`, `deploy-prepared`: the long operations that hold the preparation lock. */
export function registerPreparationCommands(program: Command, kit: CommandKit): void {
  program
    .command('upgrade')
    .description('the Apply/Exit upgrade: upgrade steps, then (for 11.12.0+) the modules preparation, to the end')
    .option(
      '--to <version>',
      'the platform version to upgrade to (default: the installed Platform Server)',
      shippedVersion,
    )
    .option('--json', "print the run's final report as JSON on stdout")
    .action(
      kit.action(async (options: { to?: string; json?: boolean }, command: Command) => {
        const { upgradeEnvironment } = await import('../../engine/upgrade/upgrade-environment');
        const environmentDir = environmentDirOf(globalOptions(command));
        const { run, upgraded, report, stoppedBy } = await runLong('upgrade', environmentDir, (context, events) =>
          upgradeEnvironment(context, {
            toVersion: options.to,
            onEvent: events.onEvent,
            shouldStop: events.shouldStop,
          }).then((result) => ({ ...result, report: reportFor(context, result.run, options.json) })),
        );
        if (!run && !options.json) {
          printLine(
            upgraded
              ? 'Upgrade finished; this version needs no modules preparation.'
              : 'The environment is already at that version; nothing to upgrade.',
          );
        }
        return finishRun(run, options.json === true, report, stoppedBy);
      }),
    );

  program
    .command('prepare')
    .description('resume an interrupted preparation, or retry the failed and skipped modules of the last run')
    .option('--json', "print the run's final report as JSON on stdout")
    .action(
      kit.action(async (options: { json?: boolean }, command: Command) => {
        const { prepareModules } = await import('../../engine/preparation/prepare-modules');
        const environmentDir = environmentDirOf(globalOptions(command));
        const { run, nothingToDo, report, stoppedBy } = await runLong('prepare', environmentDir, (context, events) =>
          prepareModules(context, { onEvent: events.onEvent, shouldStop: events.shouldStop }).then((result) => ({
            ...result,
            report: reportFor(context, result.run, options.json),
          })),
        );
        if (nothingToDo && !options.json)
          printLine(`Nothing to prepare: every eligible module of run #${run.id} is prepared.`);
        return finishRun(run, options.json === true, report, stoppedBy);
      }),
    );

  program
    .command('deploy-prepared')
    .description('deploy the prepared compilations of the last preparation run')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'list every module name (by default at most about 20 are named)')
    .action(
      kit.action(async (options: { json?: boolean; verbose?: boolean }, command: Command) => {
        const { deployPrepared } = await import('../../engine/preparation/deploy-prepared');
        // Each deployment commits on its own, so Ctrl+C needs no special care: a new run continues.
        const progress = preparationProgress('deploy');
        const report = await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
          deployPrepared(context, { onEvent: progress.onEvent }),
        ).finally(progress.stop);
        if (options.json) {
          printJson(report);
          return;
        }
        const names = report.deployed.length > 0 ? `: ${moduleNames(report.deployed, options.verbose)}` : '';
        printLine(
          `Deployed ${plural(report.deployed.length, 'prepared module')} for platform ${report.platformVersion}${names}.`,
        );
        if (report.alreadyRunning > 0)
          printLine(`${plural(report.alreadyRunning, 'module')} already ran the prepared compilation.`);
        if (report.notPrepared.length > 0) {
          printLine(
            `Not prepared, left as they run: ${moduleNames(report.notPrepared, options.verbose)}. Publish them, or run 'config-tool prepare'.`,
          );
        }
        if (report.damaged.length > 0) {
          printLine(
            `Stored compilation damaged, not deployed: ${moduleNames(report.damaged, options.verbose)}. Run 'config-tool prepare' to prepare them again.`,
          );
        }
      }),
    );
}
