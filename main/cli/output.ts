import { isShortened, nameList } from '../engine/name-list';

/** Results go to stdout (parsable with --json); progress, warnings and errors go to stderr. */
export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** A line on stderr: progress, warnings, errors. */
export function printError(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Prints a value as JSON on stdout, the `--json` output of a command. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** "1 module", "3 modules". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Indents the continuation lines of a multi-line message under its first line. */
export function indentRest(text: string, indent = '    '): string {
  return text.split('\n').join(`\n${indent}`);
}

/**
 * Module names for a result line: all of them with `--verbose`, otherwise at most
 * about 20 and how many more, saying how to see the rest.
 */
export function moduleNames(names: readonly string[], verbose: boolean | undefined): string {
  if (verbose || !isShortened(names)) return names.join(', ');
  return `${nameList(names)} (--verbose lists them all)`;
}
