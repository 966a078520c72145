import path from 'node:path';
import type { SourceFile } from 'typescript-native/ast';
import type { CompileDiagnostic, CompileJob } from './compile-types';
import { isRelative, memberOf } from './group-paths';
import { GROUP_ROOT, libFileName, PRODUCERS_DIR } from './platform-libs';

const posix = path.posix;

/** What the import rules allow, for refusal messages (spec §2). */
export const ALLOWED =
  'a module may import only @platform/runtime, @modules/<referenced module> or relative paths inside src/';

/** What the rules need to know about the group being compiled. */
export interface GroupView {
  /** The members by name. */
  members: ReadonlyMap<string, CompileJob>;
  /** Virtual paths of every mounted file (members' sources, producers' declarations). */
  files: ReadonlySet<string>;
  /** Library files the group's kind may name in `/// <reference lib>`. */
  allowedLibFiles: ReadonlySet<string>;
  /** Names of the libraries the group compiles with, for messages ('es2019, runtime globals'). */
  libraryNames: string;
}

/** Our diagnostics for one file, and the positions ('line:column') where the compiler's own say less. */
export interface RuleFindings {
  diagnostics: CompileDiagnostic[];
  reported: Set<string>;
}

/**
 * Applies the import rules of spec §2 and §3 to one source file of a member: imports may name only
 * @platform/runtime, a referenced module's interface or a file of the member's own src/; a
 * triple-slash reference may name only a file of the module itself (no `types`), and a
 * `reference lib` only a library of the module's kind.
 */
export function checkFile(sf: SourceFile, group: GroupView, findings: RuleFindings): void {
  const owner = memberOf(sf.fileName)!;
  const job = group.members.get(owner.name)!;
  const where = `in ${owner.rel}`;
  const srcDir = `${GROUP_ROOT}/${owner.name}/src`;
  const at = (pos: number, message: string | undefined): void => {
    const { line, character } = sf.getLineAndCharacterOfPosition(pos);
    findings.reported.add(`${owner.rel}:${line + 1}:${character + 1}`);
    if (message) findings.diagnostics.push({ message, file: owner.rel, line: line + 1, column: character + 1 });
  };
  const firstExisting = (base: string, exts: string[]): string | undefined => {
    const stem = base.endsWith('.js') ? base.slice(0, -3) : base;
    return exts.flatMap((ext) => [`${stem}${ext}`, `${stem}/index${ext}`]).find((file) => group.files.has(file));
  };

  for (const literal of sf.imports) {
    const spec = (literal as unknown as { text: string }).text;
    const start = literal.getStart(sf);
    if (spec === '@platform/runtime') continue;
    if (spec.startsWith('@modules/')) {
      const [name = '', ...rest] = spec.slice('@modules/'.length).split('/');
      const sub = rest.join('/') || 'index';
      if (!job.references.includes(name)) {
        at(
          start,
          `Import '${spec}' ${where} is not allowed: module '${name}' is not in the references of '${job.moduleName}'`,
        );
      } else if (group.members.has(name)) {
        if (!firstExisting(`${GROUP_ROOT}/${name}/src/${sub}`, ['.ts', '.d.ts']))
          at(start, `Import '${spec}' ${where}: module '${name}' has no file src/${sub}.ts`);
      } else if (!job.producers[name]) {
        at(start, undefined); // the group names the producer without an interface once
      } else if (!firstExisting(`${PRODUCERS_DIR}/${name}/${sub}`, ['.d.ts'])) {
        at(start, `Import '${spec}' ${where}: producer '${name}' has no declaration file for '${sub}'`);
      }
      continue;
    }
    if (isRelative(spec)) {
      const target = posix.normalize(posix.join(posix.dirname(sf.fileName), spec));
      if (!`${target}/`.startsWith(`${srcDir}/`)) at(start, `Import '${spec}' ${where} is not allowed: ${ALLOWED}`);
      else if (!firstExisting(target, ['.ts', '.d.ts']))
        at(start, `Import '${spec}' ${where}: no file ${target.slice(srcDir.length - 'src'.length)}.ts in the module`);
      continue;
    }
    at(start, `Import '${spec}' ${where} is not allowed: ${ALLOWED}`);
  }

  for (const ref of sf.referencedFiles) {
    const target = posix.normalize(posix.join(posix.dirname(sf.fileName), ref.fileName));
    if (!`${target}/`.startsWith(`${srcDir}/`) || !group.files.has(target)) {
      at(
        ref.pos,
        `Reference '${ref.fileName}' ${where} is not allowed: a triple-slash reference may name only a file of the module itself`,
      );
    }
  }
  for (const ref of sf.typeReferenceDirectives) {
    at(
      ref.pos,
      `Reference types '${ref.fileName}' ${where} is not allowed: a module compiles only against @platform/runtime, its producers and its libraries`,
    );
  }
  for (const ref of sf.libReferenceDirectives) {
    if (!group.allowedLibFiles.has(libFileName(ref.fileName))) {
      at(
        ref.pos,
        `Library '${ref.fileName}' ${where} is not available to '${job.moduleName}' (a ${job.kind} module compiles with ${group.libraryNames})`,
      );
    }
  }
}
