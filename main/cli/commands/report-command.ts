import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../../../common/domain';
import { environmentConditionError } from '../../engine/environment-conditions';
import { isUserError, UserError } from '../../engine/errors';
import { writeReport } from '../../engine/report/export-report';
import { globalOptions, integerIn, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { printError, printLine } from '../output';
import { reportSummary } from './report-summary';

/** Says what is wrong with FILE as a place for the report, before anything is computed. */
function assertWritableTarget(file: string): void {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) {
    throw new UserError('not-found', `Can't write the report to ${file}: the folder ${folder} does not exist.`);
  }
  if (fs.statSync(folder).isDirectory() === false) {
    throw new UserError('bad-usage', `Can't write the report to ${file}: ${folder} is not a folder.`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new UserError('bad-usage', `Can't write the report to ${file}: it is a folder. Give a file name.`);
  }
}

/**
 * Writes the report to FILE through a temporary file beside it, renamed at the end:
 * a failure never leaves a truncated report, nor destroys an earlier one. The
 * temporary file is created exclusively under a random name ('wx': never through a
 * symlink someone planted, never over another file).
 */
async function writeReportFile(file: string, write: (stream: fs.WriteStream) => Promise<void>): Promise<void> {
  assertWritableTarget(file);
  const partial = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.partial`,
  );
  const stream = fs.createWriteStream(partial, { flags: 'wx', mode: 0o644 });
  let opened = false;
  try {
    await once(stream, 'open');
    opened = true;
    await write(stream);
    stream.end();
    await finished(stream);
    fs.renameSync(partial, file);
  } catch (error) {
    stream.destroy();
    // Ours to remove once opened (`pending` turns true again when a failed stream closes its file).
    if (opened) fs.rmSync(partial, { force: true });
    if (isUserError(error)) throw error;
    // A full disk or a read-only folder says so and what to do; anything else names the file.
    throw (
      environmentConditionError(error, undefined, path.dirname(file)) ??
      new UserError('refused', `Can't write the report to ${file}: ${(error as Error).message}`)
    );
  }
}

/** `report`: the latest (or a given) preparation report, streamed to stdout or a file. */
export function registerReportCommand(program: Command, kit: CommandKit): void {
  program
    .command('report')
    .description('the latest preparation report (stdout without --output; on a terminal without --format, a summary)')
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('json'))
    .option('--output <file>', 'write the report to this file instead of stdout')
    .option('--run <n>', 'the run to report on (default: the latest)', integerIn(1, Number.MAX_SAFE_INTEGER))
    .action(
      kit.action(async (options: { format: ReportFormat; output?: string; run?: number }, command: Command) => {
        const request = { format: options.format, runId: options.run };
        await withEnvironment(
          environmentDirOf(globalOptions(command)),
          async ({ db }) => {
            // A person at a terminal gets a summary; a pipe, a file and an explicit --format get the report (spec §5).
            if (!options.output && process.stdout.isTTY && command.getOptionValueSource('format') === 'default') {
              printLine(reportSummary(db, options.run));
            } else if (options.output) {
              const file = path.resolve(options.output);
              await writeReportFile(file, (stream) => writeReport(db, request, stream));
              printError(`Report written to ${file}.`);
            } else {
              await writeReport(db, request, process.stdout);
            }
          },
          { readOnly: true },
        );
      }),
    );
}
