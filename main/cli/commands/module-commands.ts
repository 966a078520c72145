import path from 'node:path';
import { Option, type Command } from 'commander';
import type { PublishOutcome } from '../../../common/contract';
import { UserError } from '../../engine/errors';
import { deleteModule } from '../../engine/operations/delete-module';
import type { PublishSelection } from '../../engine/operations/publish-modules';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { ExitCode } from '../exit-codes';
import { indentRest, plural, printError, printLine } from '../output';
import { createProgress } from '../progress';

function selectionOf(names: string[], options: { app?: string; all?: boolean }): PublishSelection {
  const given = [names.length > 0, options.app !== undefined, options.all === true].filter(Boolean).length;
  if (given !== 1) throw new UserError('bad-usage', 'publish needs exactly one of: module NAMEs, --app APP, or --all.');
  if (options.all) return { all: true };
  if (options.app !== undefined) return { application: options.app };
  return { names };
}

function printPublishOutcome(outcome: PublishOutcome): void {
  if (outcome.published.length > 0) {
    const reused =
      outcome.reusedPrepared.length > 0 ? ` (${outcome.reusedPrepared.length} from prepared compilations)` : '';
    printLine(`Published ${plural(outcome.published.length, 'module')}${reused}: ${outcome.published.join(', ')}.`);
  }
  for (const failure of outcome.failed) printError(`${failure.name}: publish failed — ${indentRest(failure.message)}`);
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
      }),
    );

  program
    .command('publish')
    .description('publish modules: compile them for the environment version (producers first) and deploy them')
    .argument('[names...]', 'the modules to publish')
    .addOption(new Option('--app <application>', 'publish every module of an application').conflicts('all'))
    .option('--all', 'publish every module of the environment')
    .action(
      kit.action(async (names: string[], options: { app?: string; all?: boolean }, command: Command) => {
        const selection = selectionOf(names, options);
        // On demand, like import: it brings the TypeScript compiler, which the other commands don't need.
        const { publishModules } = await import('../../engine/operations/publish-modules');
        const progress = createProgress('publish', {
          plainLine: (done, total, module) => `Compiled module ${done} of ${total}: ${module}`,
        });
        const outcome = await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
          publishModules(context, selection, (step) => progress.update(step.done, step.total, step.module)),
        ).finally(() => progress.stop());
        printPublishOutcome(outcome);
        if (outcome.failed.length > 0) {
          printError(
            `error: ${plural(outcome.failed.length, 'module')} failed to publish; what ran before keeps running.`,
          );
          return ExitCode.error;
        }
      }),
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
