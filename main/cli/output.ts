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
