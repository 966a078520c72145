import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { defaultEnvironmentDir, ENVIRONMENT_DIR_VARIABLE } from '../engine/environment-location';
import { asAdminError } from '../engine/environment-conditions';
import { isUserError } from '../engine/errors';
import type { CommandKit } from './command-kit';
import { registerCacheCommands } from './commands/cache-commands';
import { registerCheckCommand } from './commands/check-command';
import { registerConfigCommands } from './commands/config-commands';
import { registerEnvironmentCommands } from './commands/environment-commands';
import { registerModuleCommands } from './commands/module-commands';
import { registerPreparationCommands } from './commands/preparation-commands';
import { registerReportCommand } from './commands/report-command';
import { registerServeCommand } from './commands/serve-command';
import { ExitCode, exitCodeOf } from './exit-codes';
import { printError } from './output';

/** Builds the `config-tool` program; `kit` turns handlers into actions that report their exit status. */
export function buildProgram(kit: CommandKit): Command {
  const program = new Command('config-tool')
    .description(
      'Platform Configuration Tool: upgrades an environment and prepares its modules for the new platform version.',
    )
    // Before any .command(): subcommands copy these settings when they are created.
    .exitOverride()
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .option(
      '--env <dir>',
      `the environment folder; $${ENVIRONMENT_DIR_VARIABLE} overrides the default, the desktop app's per-user folder`,
      defaultEnvironmentDir(),
    );
  registerEnvironmentCommands(program, kit);
  registerPreparationCommands(program, kit);
  registerCheckCommand(program, kit);
  registerModuleCommands(program, kit);
  registerConfigCommands(program, kit);
  registerReportCommand(program, kit);
  registerServeCommand(program, kit);
  registerCacheCommands(program, kit);
  return program;
}

/** Runs `config-tool` with `argv` (as process.argv) and resolves to its exit status (spec §5). */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.success;
  const kit: CommandKit = {
    action:
      (handler) =>
      async (...args) => {
        exitCode = (await handler(...args)) ?? ExitCode.success;
      },
  };
  const program = buildProgram(kit);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    // A full disk, a read-only folder… is the admin's to fix, wherever it surfaced: never "a bug".
    const environment = (program.opts() as { env?: string }).env;
    return reportFailure(asAdminError(error, environment ? path.resolve(environment) : undefined));
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed the problem (or the help/version asked for).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.success;
    return ExitCode.badUsage;
  }
  if (isUserError(error)) {
    printError(`error: ${error.message}`);
    return exitCodeOf(error);
  }
  // Not something the admin caused: the stack is what a bug report needs.
  printError(
    `config-tool failed unexpectedly (a bug, please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return ExitCode.error;
}
