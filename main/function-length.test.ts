import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The longest a function of main/ may be, in lines from its first line to its closing brace (the product brief). */
const MAX_LINES = 120;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** What a function is called in a message: its own name, the variable or property it is assigned to, or its line. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText(source);
  return '(anonymous)';
}

/** Every function, method, arrow function and accessor with a body, with its length in lines. */
function functionLengths(file: string): { where: string; lines: number }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { where: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const where = `${path.relative(process.cwd(), file)}:${first + 1} ${nameOf(node as ts.FunctionLikeDeclaration, source)}`;
      found.push({ where, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the functions of main/', () => {
  it(`are at most ${MAX_LINES} lines each (tests aside)`, () => {
    const functions = sourceFiles(__dirname).flatMap(functionLengths);
    expect(functions.length).toBeGreaterThan(500);
    const tooLong = functions
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ where, lines }) => `${where}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
