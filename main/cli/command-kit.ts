import { InvalidArgumentError, type Command } from 'commander';
import type { ExitCode } from './exit-codes';

/** Options every command accepts (declared once on the program). */
export interface GlobalOptions {
  env: string;
}

/** The options of `command` merged with the program's global ones. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** A command handler: resolves to the exit status (0 when it returns nothing); throws for errors. */
// Commander passes positional arguments, then the options, then the command; their types depend on the command.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => Promise<ExitCode | void> | ExitCode | void;

/** What command groups need from the program: a way to turn handlers into commander actions that report an exit status. */
export interface CommandKit {
  action(handler: CommandHandler): (...args: unknown[]) => Promise<void>;
}

/** Commander argument parser for a whole number in [min, max]; anything else is bad usage (exit 2). */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}
