import fs from 'node:fs';
import { formatDateTime } from '../../../common/time-format';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ageText } from '../../../common/age-text';
import type { EnvironmentStatus, ReadinessStatus, RunSummary } from '../../../common/domain';
import { runCountsWords } from '../../../common/run-words';
import { UserError } from '../../engine/errors';
import { findPackageRoot } from '../../engine/platform/platform-versions';
import { createNodeWorkerSpawner } from '../../engine/process/worker-spawner';
import { pendingSettings } from '../../engine/store/settings-repository';
import { getEnvironmentStatus } from '../../engine/queries/environment-status';
import { getReadinessStatus } from '../../engine/queries/readiness-queries';
import { environmentExists } from '../../engine/store/database';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { printJson, printLine, plural } from '../output';
import { importProgress, printImportSummary } from './import-output';
import { printSharedCache } from '../shared-cache-output';

/** Where the built-in demo factory ships, relative to the package root. */
const DEMO_FACTORY = path.join('resources', 'demo-factory');

async function runImport(environmentDir: string, factoryDir: string, force: boolean): Promise<void> {
  // Loaded on demand: it brings the TypeScript compiler, which costs every other command half a second to load.
  const { importFactory } = await import('../../engine/factory/import-factory');
  const { openSharedCacheFromEnvironment } = await import('../../engine/default-shared-cache');
  const progress = importProgress();
  let summary;
  try {
    summary = await importFactory(environmentDir, factoryDir, {
      force,
      spawner: createNodeWorkerSpawner(),
      openSharedCache: openSharedCacheFromEnvironment,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  printImportSummary(environmentDir, summary);
  printSharedCache(summary);
}

/** `init --demo`, `import FACTORY`, `status`. */
export function registerEnvironmentCommands(program: Command, kit: CommandKit): void {
  program
    .command('init')
    .description('create the built-in demo environment in --env if none is there')
    .addOption(
      new Option('--demo', 'use the built-in demo environment (the only kind init creates)').makeOptionMandatory(),
    )
    .action(
      kit.action(async (_options: unknown, command: Command) => {
        const environmentDir = environmentDirOf(globalOptions(command));
        if (environmentExists(environmentDir)) {
          printLine(`An environment already exists in ${environmentDir}; nothing to do.`);
          return;
        }
        const factoryDir = path.join(findPackageRoot(), DEMO_FACTORY);
        if (!fs.existsSync(factoryDir)) {
          throw new UserError('not-found', `The demo environment is missing from this installation (${factoryDir}).`);
        }
        await runImport(environmentDir, factoryDir, false);
      }),
    );

  program
    .command('import')
    .description('create the environment in --env from a factory folder')
    .argument('<factory>', 'the factory folder (environment.json and modules/)')
    .option('--force', 'replace an environment that is already there')
    .action(
      kit.action(async (factory: string, options: { force?: boolean }, command: Command) => {
        await runImport(environmentDirOf(globalOptions(command)), path.resolve(factory), options.force === true);
      }),
    );

  program
    .command('status')
    .description('environment and installed versions, preparation state and counts')
    .option('--json', 'print the status as one JSON object')
    .action(
      kit.action(async (options: { json?: boolean }, command: Command) => {
        const { status, readiness, pending } = await withEnvironment(
          environmentDirOf(globalOptions(command)),
          (context) => ({
            status: getEnvironmentStatus(context),
            readiness: getReadinessStatus(context),
            pending: pendingSettings(context.db),
          }),
          { readOnly: true },
        );
        if (options.json) printJson({ ...status, readiness });
        else printStatus(status, readiness, pending);
      }),
    );
}

/** "26 prepared, 1 failed, 3 skipped, 4 excluded" (pending and compiling only while they are not zero). */
export function describeCounts(run: RunSummary): string {
  const { counts } = run;
  const parts = [
    `${counts.prepared} prepared`,
    `${counts.failed} failed`,
    `${counts.skipped} skipped`,
    `${counts.excluded} excluded`,
  ];
  if (counts.compiling > 0) parts.unshift(`${counts.compiling} compiling`);
  if (counts.pending > 0) parts.unshift(`${counts.pending} pending`);
  return parts.join(', ');
}

function describeRun(run: RunSummary): string {
  const when = run.finishedAt
    ? `${utcTime(run.startedAt)} – ${utcTime(run.finishedAt)}`
    : `since ${utcTime(run.startedAt)}`;
  // The glossary's words: an upgrade shows its versions, a Prepare again run or a check only its version.
  const what =
    run.kind === 'prepare'
      ? `(prepare again${run.retryOf !== null ? ` of #${run.retryOf}` : ''}) ${run.toVersion}`
      : run.kind === 'check'
        ? `(readiness check) ${run.toVersion}`
        : `(upgrade) ${run.fromVersion} → ${run.toVersion}`;
  const outcome =
    run.status === 'finished' && run.counts.failed + run.counts.skipped > 0 ? 'finished with errors' : run.status;
  return `#${run.id} ${what}, ${outcome} ${when}: ${describeCounts(run)} of ${run.total}`;
}

/** "2026-11-28 19:20 UTC": the app's and the command line's one date format. */
function utcTime(iso: string): string {
  return formatDateTime(iso);
}

/** What the admin should run next, given the environment's state; null when nothing is due. */
function nextCommand(status: EnvironmentStatus): string | null {
  const run = status.latestRun;
  if (status.activeRun) return null;
  if (run?.status === 'interrupted') return `config-tool prepare (resumes run #${run.id} where it stopped)`;
  if (status.upgradePending) return `config-tool upgrade (to ${status.installedVersion})`;
  if (run && run.counts.failed + run.counts.skipped > 0)
    return `config-tool report (the errors of run #${run.id}), then config-tool prepare (prepares its failed and skipped modules again)`;
  return null;
}

/** "602 ready, 75 would fail, 273 would be skipped, 50 excluded": a check's counts in the glossary's words. */
function describeCheckCounts(run: RunSummary): string {
  return runCountsWords('check', run.counts);
}

/** The "Readiness" lines: a check running now, and the latest check for the pending upgrade (or that none was made). */
function readinessRows(readiness: ReadinessStatus): [string, string][] {
  const rows: [string, string][] = [];
  const { running, latest, targetVersion } = readiness;
  if (running) {
    const done = running.counts.prepared + running.counts.failed + running.counts.skipped;
    rows.push([
      'Checking',
      `readiness check #${running.id} for ${running.toVersion}, started by ${running.startedBy} at ${utcTime(running.startedAt)}: ${done} of ${running.total} modules done`,
    ]);
  }
  // A check running for the target is said above; its counts are not final yet.
  if (!targetVersion || (latest && latest.id === running?.id)) return rows;
  if (!latest) {
    rows.push([
      'Readiness',
      `not checked for ${targetVersion} yet ('config-tool check' says which modules the upgrade would fail or skip, without upgrading)`,
    ]);
    return rows;
  }
  const when =
    latest.status === 'interrupted'
      ? `interrupted (started ${utcTime(latest.startedAt)}, ${ageText(latest.startedAt)}; 'config-tool check' resumes it)`
      : `finished ${utcTime(latest.finishedAt ?? latest.startedAt)} (${ageText(latest.finishedAt ?? latest.startedAt)})`;
  rows.push(['Readiness', `check #${latest.id} for ${targetVersion} ${when}: ${describeCheckCounts(latest)}`]);
  if (latest.changedSince.length > 0) rows.push(['Changed since', changedSinceText(latest.changedSince)]);
  return rows;
}

/** "2 modules changed since the check: A, B ('config-tool check' checks them again; the upgrade compiles them)". */
function changedSinceText(names: string[]): string {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  return `${plural(names.length, 'module')} changed since the check: ${shown} (the upgrade compiles ${names.length === 1 ? 'it' : 'them'} again; 'config-tool check' checks again)`;
}

/** "2 modules have a newer upload than what runs: A, B (publish deploys it)", a few names at most. */
function newerUploadsLine(names: string[]): string {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  const verb = names.length === 1 ? 'has' : 'have';
  return `${plural(names.length, 'module')} ${verb} a newer upload than what runs: ${shown} ('config-tool publish NAME' deploys it)`;
}

function printStatus(status: EnvironmentStatus, readiness: ReadinessStatus, pending: string[]): void {
  const rows: [string, string][] = [
    ['Environment', status.name],
    ['Folder', status.location],
    [
      'Version',
      `${status.platformVersion} (installed Platform Server: ${status.installedVersion})${status.upgradePending ? ' — upgrade pending' : ''}`,
    ],
    ['Modules', `${plural(status.moduleCount, 'module')} in ${plural(status.applicationCount, 'application')}`],
    [
      'Settings',
      `${plural(status.settings.parallelCompilations, 'parallel compilation')}, ${status.settings.moduleTimeLimitSeconds} s per module`,
    ],
    ...(status.newerUploads.length > 0
      ? ([['Uploads', newerUploadsLine(status.newerUploads)]] as [string, string][])
      : []),
    ...(pending.length > 0
      ? ([['Not applied yet', `${pending.join(', ')} (run 'config-tool config apply')`]] as [string, string][])
      : []),
    ['Running', status.activeRun ? describeRun(status.activeRun) : 'no upgrade or preparation'],
    ['Latest run', status.latestRun ? describeRun(status.latestRun) : 'none yet'],
    ...readinessRows(readiness),
  ];
  if (status.lock) {
    const run = status.lock.runId !== null ? ` (run #${status.lock.runId})` : '';
    rows.push([
      'Lock',
      `held by the ${status.lock.operation}${run}, started by ${status.lock.holder} at ${utcTime(status.lock.startedAt)}` +
        (status.currentGroup ? ' — progressive: it covers only the current group' : ''),
    ]);
  }
  if (status.currentGroup) {
    const group = status.currentGroup;
    rows.push([
      'Group',
      group.modules.length > 0
        ? `preparing group ${group.number}: ${group.modules.join(', ')}`
        : 'none now (between groups)',
    ]);
  }
  if (status.lastUpgradeFailure) {
    const failure = status.lastUpgradeFailure;
    rows.push([
      'Last failure',
      `upgrade to ${failure.toVersion} failed at ${utcTime(failure.at)} in step ${failure.step}, rolled back: ${failure.message}`,
    ]);
  }
  const next = nextCommand(status);
  if (next) rows.push(['Next', next]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  for (const [label, value] of rows) printLine(`${`${label}:`.padEnd(width)} ${value}`);
}
