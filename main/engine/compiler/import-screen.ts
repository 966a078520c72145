import { initSync, parse } from 'es-module-lexer';
import { importFinding, type GroupView } from './import-rules';

/**
 * Reads a member's source as text to tell whether the import rules have nothing to say about it,
 * so its syntax tree need not cross the pipe from the compiler server (a third of a worker's own
 * time and a tenth of a preparation's at 1,000 modules, measured). The screen may only say "no
 * finding" when that is certain: anything it can't read plainly is left to the syntax tree.
 */

/**
 * Where a keyword may be followed by a module specifier: `from 'x'`, `import 'x'`, `import('x')`
 * (a dynamic import or an import type) and `require('x')` (import-equals). Every specifier TypeScript
 * collects in a .ts file follows one of them, with whitespace or comments between.
 */
const SPECIFIER_AFTER = /\bfrom\s*|\b(?:import|require)\s*(?:\(\s*)?/g;

/**
 * What the screen does not read: triple-slash directives, escapes (a specifier or keyword written with
 * them), and what reaches outside the module (augmentations, ambient modules, UMD globals).
 */
const NOT_READ_AS_TEXT = /\/\/\/|\\u|\\x|\bdeclare\s+(?:global|module)\b|\bexport\s+as\s+namespace\b/;

/** A line starting with `import` or `export`: with the lexer's word, evidence that the file is a module. */
const MODULE_STATEMENT = /^\s*(?:import|export)\b/m;

let lexerReady = false;

/**
 * True when `text`, the source `fileName` of a member of `group`, certainly passes the import rules
 * (every specifier it could hold allowed and present, no triple-slash directive) and, when
 * `mustBeModule`, is certainly a module (a script in a shared program would declare globals).
 */
export function passesImportRulesAsText(
  text: string,
  fileName: string,
  group: GroupView,
  mustBeModule: boolean,
): boolean {
  if (NOT_READ_AS_TEXT.test(text)) return false;
  const lexed = lex(text);
  if (!lexed) return false;
  if (mustBeModule && !(lexed.hasModuleSyntax && MODULE_STATEMENT.test(text))) return false;
  // The lexer's own list, then every place a specifier could follow a keyword, whatever the lexer made of it.
  for (const spec of lexed.specifiers) if (spec === undefined || importFinding(spec, fileName, group)) return false;
  for (const spec of specifiersAfterKeywords(text))
    if (spec === null || importFinding(spec, fileName, group)) return false;
  return true;
}

function lex(text: string): { specifiers: (string | undefined)[]; hasModuleSyntax: boolean } | undefined {
  if (!lexerReady) {
    initSync();
    lexerReady = true;
  }
  try {
    const [imports, , , hasModuleSyntax] = parse(text);
    return { specifiers: imports.map((entry) => entry.n), hasModuleSyntax };
  } catch {
    return undefined; // TypeScript the JavaScript lexer can't read (import-equals, say)
  }
}

/**
 * The literal after each keyword that may introduce a specifier, or null where one can't be read
 * plainly (a comment or a slash after the keyword, an escape, a substitution, a line break in quotes).
 * Matches in comments and strings count too: one more allowed specifier changes nothing.
 */
function specifiersAfterKeywords(text: string): (string | null)[] {
  const found: (string | null)[] = [];
  for (const match of text.matchAll(SPECIFIER_AFTER)) {
    const at = match.index + match[0].length;
    const quote = text[at];
    if (quote === '/') found.push(null);
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    const end = text.indexOf(quote, at + 1);
    const literal = end < 0 ? null : text.slice(at + 1, end);
    const plain = literal !== null && !/[\\\n\r]/.test(literal) && !literal.includes('${');
    found.push(plain ? literal : null);
  }
  return found;
}
