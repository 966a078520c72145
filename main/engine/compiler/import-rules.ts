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
 * What the import rules say of one import specifier in `fileName` (a member's source): null when the
 * import is allowed and its target exists; otherwise a finding, whose message is undefined when the
 * compiler's own diagnostic at that import is the one to show (a producer the group lacks says so once).
 */
export function importFinding(spec: string, fileName: string, group: GroupView): { message?: string } | null {
  const owner = memberOf(fileName)!;
  const job = group.members.get(owner.name)!;
  const where = `in ${owner.rel}`;
  const srcDir = `${GROUP_ROOT}/${owner.name}/src`;
  const firstExisting = (base: string, exts: string[]): string | undefined => {
    const stem = base.endsWith('.js') ? base.slice(0, -3) : base;
    return exts.flatMap((ext) => [`${stem}${ext}`, `${stem}/index${ext}`]).find((file) => group.files.has(file));
  };
  if (spec === '@platform/runtime') return null;
  if (spec.startsWith('@modules/')) {
    const [name = '', ...rest] = spec.slice('@modules/'.length).split('/');
    const sub = rest.join('/') || 'index';
    if (!job.references.includes(name))
      return {
        message: `Import '${spec}' ${where} is not allowed: module '${name}' is not in the references of '${job.moduleName}'`,
      };
    if (group.members.has(name)) {
      return firstExisting(`${GROUP_ROOT}/${name}/src/${sub}`, ['.ts', '.d.ts'])
        ? null
        : { message: `Import '${spec}' ${where}: module '${name}' has no file src/${sub}.ts` };
    }
    if (!job.producers[name]) return {}; // the group names the producer without an interface once
    return firstExisting(`${PRODUCERS_DIR}/${name}/${sub}`, ['.d.ts'])
      ? null
      : { message: `Import '${spec}' ${where}: producer '${name}' has no declaration file for '${sub}'` };
  }
  if (isRelative(spec)) {
    const target = posix.normalize(posix.join(posix.dirname(fileName), spec));
    if (!`${target}/`.startsWith(`${srcDir}/`))
      return { message: `Import '${spec}' ${where} is not allowed: ${ALLOWED}` };
    return firstExisting(target, ['.ts', '.d.ts'])
      ? null
      : {
          message: `Import '${spec}' ${where}: no file ${target.slice(srcDir.length - 'src'.length)}.ts in the module`,
        };
  }
  return { message: `Import '${spec}' ${where} is not allowed: ${ALLOWED}` };
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
  for (const literal of sf.imports) {
    const finding = importFinding((literal as unknown as { text: string }).text, sf.fileName, group);
    if (finding) at(literal.getStart(sf), finding.message);
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
