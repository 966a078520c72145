import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../../../common/domain';
import { UserError } from '../../engine/errors';
import { writeReport } from '../../engine/report/export-report';
import { globalOptions, integerIn, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { printError } from '../output';

/**
 * Writes the report to FILE through a temporary file beside it, renamed at the end:
 * a failure never leaves a truncated report, nor destroys an earlier one.
 */
async function writeReportFile(file: string, write: (stream: fs.WriteStream) => Promise<void>): Promise<void> {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  const stream = fs.createWriteStream(partial);
  try {
    await write(stream);
    stream.end();
    await finished(stream);
    fs.renameSync(partial, file);
  } catch (error) {
    stream.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Refuses, with the admin's words, an --output whose folder is missing or that names a folder. */
function assertWritableFolder(file: string): void {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new UserError('not-found', `Can't write the report to ${file}: the folder ${folder} does not exist.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory())
    throw new UserError('refused', `Can't write the report to ${file}: it is a folder. Give a file name.`);
}

/** `report`: the latest (or a given) preparation report, streamed to stdout or a file. */
export function registerReportCommand(program: Command, kit: CommandKit): void {
  program
    .command('report')
    .description('the latest preparation report (stdout without --output)')
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('json'))
    .option('--output <file>', 'write the report to this file instead of stdout')
    .option('--run <n>', 'the run to report on (default: the latest)', integerIn(1, Number.MAX_SAFE_INTEGER))
    .action(
      kit.action(async (options: { format: ReportFormat; output?: string; run?: number }, command: Command) => {
        const request = { format: options.format, runId: options.run };
        await withEnvironment(environmentDirOf(globalOptions(command)), async ({ db }) => {
          if (options.output) {
            const file = path.resolve(options.output);
            assertWritableFolder(file);
            await writeReportFile(file, (stream) => writeReport(db, request, stream));
            printError(`Report written to ${file}.`);
          } else {
            await writeReport(db, request, process.stdout);
          }
        });
      }),
    );
}
