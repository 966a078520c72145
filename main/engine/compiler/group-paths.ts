import path from 'node:path';
import type { Diagnostic } from 'typescript-native/sync';
import type { CompileDiagnostic } from './compile-types';
import { GLOBALS_PATH, GROUP_ROOT, RUNTIME_PATH } from './platform-libs';

const posix = path.posix;

/** The member a virtual path belongs to and the path relative to that member's root ('src/x.ts'). */
export function memberOf(fileName: string): { name: string; rel: string } | undefined {
  if (!fileName.startsWith(`${GROUP_ROOT}/`)) return undefined;
  const rest = fileName.slice(GROUP_ROOT.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : { name: rest.slice(0, slash), rel: rest.slice(slash + 1) };
}

/** True for './x', '../x', '.' and '..'. */
export function isRelative(spec: string): boolean {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../');
}

/**
 * How another member's file is imported from outside it: '@modules/B' or '@modules/B/model/order'
 * (the form a consumer of B's declarations resolves), without extension.
 */
export function memberSpecifier(name: string, rel: string): string {
  const sub = rel
    .replace(/^src(\/|$)/, '')
    .replace(/(\.d)?\.ts$|\.js$/, '')
    .replace(/(^|\/)index$/, '');
  return sub ? `@modules/${name}/${sub}` : `@modules/${name}`;
}

/** A virtual path the way the member `owner` knows it: 'src/x.ts', '@modules/B/index.d.ts', '@platform/runtime'. */
export function displayPath(fileName: string, owner: string | undefined): string {
  const member = memberOf(fileName);
  if (member) return member.name === owner ? member.rel : `@modules/${member.name}/${member.rel.replace(/^src\//, '')}`;
  if (fileName === RUNTIME_PATH) return '@platform/runtime';
  if (fileName === GLOBALS_PATH) return 'runtime globals';
  if (fileName.startsWith('/node_modules/')) return fileName.slice('/node_modules/'.length);
  return posix.basename(fileName);
}

const GROUP_NAME_IN_MESSAGE = /"\/group\/([^/"]+)\/([^"]*)"/g;
const PACKAGE_NAME_IN_MESSAGE = /"\/node_modules\/([^"]*)"/g;

/** The text of a diagnostic and its chain, one message per line, nested ones indented (as tsc prints them). */
function flatten(d: Diagnostic, indent = 0): string {
  const own = `${'  '.repeat(indent)}${d.text}`;
  const chain = (d.messageChain ?? []).map((next) => flatten(next as Diagnostic, indent + 1));
  return [own, ...chain].join('\n');
}

/** A compiler diagnostic as the member `owner` sees it: its paths, one-based line and column. */
export function toCompileDiagnostic(d: Diagnostic, owner: string | undefined): CompileDiagnostic {
  const message = flatten(d)
    .replace(GROUP_NAME_IN_MESSAGE, (_m, name: string, rel: string) =>
      name === owner ? `"${rel.replace(/\/index$/, '')}"` : `"${memberSpecifier(name, rel)}"`,
    )
    .replace(PACKAGE_NAME_IN_MESSAGE, (_m, rest: string) => `"${rest.replace(/\/index$/, '')}"`)
    .replace(/'"([^"']+)"'/g, "'$1'");
  if (!d.fileName || !d.startPosition) return { message };
  return {
    message,
    file: displayPath(d.fileName, owner),
    line: d.startPosition.line + 1,
    column: d.startPosition.character + 1,
  };
}

/** One-based line and column (UTF-16 code units, as editors count) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Diagnostics by file, then line, then column; the ones without a file first. */
export function sortDiagnostics(list: CompileDiagnostic[]): CompileDiagnostic[] {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return list.sort(
    (a, b) => cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** A copy of `record` with its keys sorted (the same inputs give the same bytes). */
export function sortKeys(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}
