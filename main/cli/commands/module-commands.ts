import path from 'node:path';
import { Option, type Command } from 'commander';
import type { PublishOutcome } from '../../../common/contract';
import { UserError } from '../../engine/errors';
import { deleteModule } from '../../engine/operations/delete-module';
import type { PublishSelection } from '../../engine/operations/publish-modules';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { ExitCode } from '../exit-codes';
import type { PublishProgress } from '../../engine/operations/publish-modules';
import { indentRest, moduleNames, plural, printError, printLine } from '../output';
import { createProgress } from '../progress';
import { printSharedCache } from '../shared-cache-output';
import { damagedCompiledAgain } from '../../engine/store/verified-compilation';

function selectionOf(names: string[], options: { app?: string; all?: boolean }): PublishSelection {
  const given = [names.length > 0, options.app !== undefined, options.all === true].filter(Boolean).length;
  if (given !== 1) throw new UserError('bad-usage', 'publish needs exactly one of: module NAMEs, --app APP, or --all.');
  if (options.all) return { all: true };
  if (options.app !== undefined) return { application: options.app };
  return { names };
}

/** A publish progress line that says what happened to the module: compiled, reused, or failed. */
export function publishStepText(step: PublishProgress): string {
  const position = `${step.done} of ${step.total}`;
  switch (step.result) {
    case 'compiled':
      return `Compiled module ${position}: ${step.module}`;
    case 'reused':
      return `Reused the prepared compilation of ${step.module} (${position})`;
    case 'failed':
      return `${step.module} failed to compile (${position})`;
  }
}

function printPublishOutcome(outcome: PublishOutcome, verbose: boolean | undefined): void {
  for (const name of outcome.damaged) printLine(damagedCompiledAgain(name));
  if (outcome.published.length > 0) {
    const reused =
      outcome.reusedPrepared.length > 0 ? ` (${outcome.reusedPrepared.length} from prepared compilations)` : '';
    printLine(
      `Published ${plural(outcome.published.length, 'module')}${reused}: ${moduleNames(outcome.published, verbose)}.`,
    );
  }
  for (const failure of outcome.failed) printError(`${failure.name}: publish failed — ${indentRest(failure.message)}`);
  printSharedCache(outcome);
}

/** `upload`, `publish` and `delete`: operations on modules (publish and delete are refused by the preparation lock). */
export function registerModuleCommands(program: Command, kit: CommandKit): void {
  program
    .command('upload')
    .description('store a new version of a module from a module folder (module.json + src/); never published by it')
    .argument('<name>', 'the module (created when it does not exist yet)')
    .argument('<dir>', 'the module folder, in the factory format')
    .action(
      kit.action(async (name: string, dir: string, _options: unknown, command: Command) => {
        const { uploadModule } = await import('../../engine/operations/upload-module');
        const outcome = await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
          uploadModule(context, name, path.resolve(dir)),
        );
        printLine(
          `${outcome.created ? 'Created module' : 'Uploaded'} ${outcome.name} version ${outcome.version}; ` +
            `run 'config-tool publish ${outcome.name}' to publish it.`,
        );
        printLine('Found 1 module: 1 uploaded, 0 refused.');
      }),
    );

  program
    .command('publish')
    .description('publish modules: compile them for the environment version (producers first) and deploy them')
    .argument('[names...]', 'the modules to publish')
    .addOption(new Option('--app <application>', 'publish every module of an application').conflicts('all'))
    .option('--all', 'publish every module of the environment')
    .option('--verbose', 'list every published module (by default at most about 20 are named)')
    .action(
      kit.action(
        async (names: string[], options: { app?: string; all?: boolean; verbose?: boolean }, command: Command) => {
          const selection = selectionOf(names, options);
          // On demand, like import: it brings the TypeScript compiler, which the other commands don't need.
          const { publishModules } = await import('../../engine/operations/publish-modules');
          const progress = createProgress('publish', {
            plainLine: (done, total, detail) => detail ?? `${done} of ${total}`,
          });
          const outcome = await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
            publishModules(context, selection, (step) => progress.update(step.done, step.total, publishStepText(step))),
          ).finally(() => progress.stop());
          printPublishOutcome(outcome, options.verbose);
          if (outcome.failed.length > 0) {
            printError(
              `error: ${plural(outcome.failed.length, 'module')} failed to publish; what ran before keeps running.`,
            );
            return ExitCode.error;
          }
        },
      ),
    );

  program
    .command('delete')
    .description('delete a module')
    .argument('<name>', 'the module to delete')
    .option('--force', 'delete it even though other modules consume it')
    .action(
      kit.action(async (name: string, options: { force?: boolean }, command: Command) => {
        const { deleted } = await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
          deleteModule(context, name, { force: options.force === true }),
        );
        printLine(`Deleted module ${deleted}.`);
      }),
    );
}
