import fs from 'node:fs';
import path from 'node:path';
import { MODULE_KINDS, MODULE_STATES, type ModuleKind, type ModuleState } from '../../../common/domain';
import { UserError } from '../errors';

/** A module as a factory folder describes it. */
export interface FactoryModule {
  name: string;
  application: string;
  kind: ModuleKind;
  state: ModuleState;
  references: string[];
  /** Keys relative to the module folder: 'src/index.ts', … */
  sources: Record<string, string>;
}

export interface Factory {
  name: string;
  platformVersion: string;
  modules: FactoryModule[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_REPORTED_PROBLEMS = 25;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Collects every broken rule of a factory folder, each naming the file and the rule. */
class Problems {
  readonly list: string[] = [];
  add(file: string, rule: string): void {
    this.list.push(`${file}: ${rule}`);
  }
}

/** Opening a file never follows a link (where the system can refuse to: O_NOFOLLOW). */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** What is at `file` itself (a link is not followed), or null when nothing is. */
function entryAt(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * A symbolic link anywhere in a factory is refused, naming where it points, before
 * anything it points to is opened: a factory holds its own files, and an import must
 * never read (nor store, nor quote) a file outside it. True when `file` is one.
 */
function refusedLink(file: string, problems: Problems): boolean {
  if (!entryAt(file)?.isSymbolicLink()) return false;
  let target = 'an unreadable target';
  try {
    target = fs.readlinkSync(file);
  } catch {
    // named without its target
  }
  problems.add(
    file,
    `is a symbolic link to ${target}: a factory must hold its files and folders themselves, not links (nothing it points to was read)`,
  );
  return true;
}

function readText(file: string, problems: Problems): string | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
    return utf8.decode(fs.readFileSync(fd));
  } catch (error) {
    if (error instanceof TypeError) problems.add(file, 'is not UTF-8 text');
    else problems.add(file, `can't be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Where JSON.parse stopped, without the text around it (an error never quotes what a file holds). */
function jsonErrorPlace(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const place = /line \d+ column \d+/.exec(message) ?? /position \d+/.exec(message);
  return place ? ` at ${place[0]}` : '';
}

function readJson(file: string, problems: Problems): Record<string, unknown> | null {
  if (refusedLink(file, problems)) return null;
  if (!entryAt(file)) {
    problems.add(file, 'is missing');
    return null;
  }
  const text = readText(file, problems);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.add(file, 'must contain a JSON object');
      return null;
    }
    return value as Record<string, unknown>;
  } catch (error) {
    problems.add(file, `is not valid JSON${jsonErrorPlace(error)}`);
    return null;
  }
}

/** The files under `dir`; a symbolic link (or anything but a file or folder) is a problem naming it, never skipped. */
function listFiles(dir: string, problems: Problems): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) refusedLink(full, problems);
    else if (entry.isDirectory()) files.push(...listFiles(full, problems));
    else if (entry.isFile()) files.push(full);
    else problems.add(full, 'is not a regular file');
  }
  return files;
}

function readModule(modulesDir: string, folder: string, problems: Problems): FactoryModule | null {
  return readModuleDir(path.join(modulesDir, folder), problems, {
    name: folder,
    nameRule: `the folder name '${folder}'`,
    checkState: true,
  });
}

/**
 * Reads one module folder (module.json + src/). `expected.name` is what "name" must equal (the folder's name
 * in a factory, the NAME given to `upload`); `state` is checked only in a factory (upload ignores it).
 */
function readModuleDir(
  moduleDir: string,
  problems: Problems,
  expected: { name: string; nameRule: string; checkState: boolean },
): FactoryModule | null {
  const manifestFile = path.join(moduleDir, 'module.json');
  const manifest = readJson(manifestFile, problems);
  if (!manifest) return null;
  const before = problems.list.length;
  const { name, application, kind, state, references } = manifest;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    problems.add(manifestFile, `"name" must match ^[A-Za-z][A-Za-z0-9_]{0,63}$ (got ${JSON.stringify(name)})`);
  } else if (name !== expected.name) {
    problems.add(manifestFile, `"name" must equal ${expected.nameRule} (got '${name}')`);
  }
  if (typeof application !== 'string' || application.trim() === '' || application.length > 128) {
    problems.add(manifestFile, '"application" must be a non-empty string of at most 128 characters');
  }
  if (!MODULE_KINDS.includes(kind as ModuleKind)) {
    problems.add(manifestFile, `"kind" must be one of ${MODULE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  }
  if (expected.checkState && !MODULE_STATES.includes(state as ModuleState)) {
    problems.add(manifestFile, `"state" must be one of ${MODULE_STATES.join(', ')} (got ${JSON.stringify(state)})`);
  }
  if (!Array.isArray(references) || references.some((reference) => typeof reference !== 'string')) {
    problems.add(manifestFile, '"references" must be an array of module names');
  } else if (new Set(references).size !== references.length) {
    problems.add(manifestFile, '"references" must not list a module twice');
  }

  const srcDir = path.join(moduleDir, 'src');
  const sources: Record<string, string> = {};
  if (refusedLink(srcDir, problems)) return null;
  if (!entryAt(path.join(srcDir, 'index.ts'))) {
    problems.add(path.join(srcDir, 'index.ts'), 'is missing (every module needs src/index.ts, its public interface)');
  }
  if (entryAt(srcDir)?.isDirectory()) {
    for (const file of listFiles(srcDir, problems).sort()) {
      const text = readText(file, problems);
      if (text !== null && file.endsWith('.ts'))
        sources[path.relative(moduleDir, file).split(path.sep).join('/')] = text;
    }
  }
  if (problems.list.length > before) return null;
  return {
    name: name as string,
    application: application as string,
    kind: kind as ModuleKind,
    state: (expected.checkState ? state : 'uploaded') as ModuleState,
    references: references as string[],
    sources,
  };
}

function invalid(what: string, problems: Problems): UserError {
  const shown = problems.list.slice(0, MAX_REPORTED_PROBLEMS);
  const more = problems.list.length - shown.length;
  return new UserError(
    'invalid-factory',
    `${what}:\n  ${shown.join('\n  ')}${more > 0 ? `\n  … and ${more} more` : ''}`,
    { problems: problems.list },
  );
}

/**
 * Reads and checks a module folder for `upload NAME DIR` (spec §4b): the factory's rules for one module, its
 * "state" ignored, "name" equal to NAME, and every reference naming a module that exists (`moduleExists`).
 * Every broken rule is reported at once, each naming its file.
 */
export function readModuleFolder(
  dir: string,
  name: string,
  options: { moduleExists: (name: string) => boolean },
): FactoryModule {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserError('invalid-factory', `Module folder ${dir} does not exist.`);
  }
  const problems = new Problems();
  const module = readModuleDir(dir, problems, {
    name,
    nameRule: `the module name '${name}' given to upload`,
    checkState: false,
  });
  if (module) {
    for (const reference of module.references) {
      if (reference !== name && !options.moduleExists(reference))
        problems.add(
          path.join(dir, 'module.json'),
          `"references" names '${reference}', which is not a module of this environment`,
        );
    }
  }
  if (problems.list.length > 0)
    throw invalid(
      `The module folder ${dir} is invalid; nothing was uploaded (found 1 module: 0 uploaded, 1 refused)`,
      problems,
    );
  return module!;
}

/**
 * Reads and checks a factory folder (spec §1). Every broken rule is reported at
 * once, each naming its file; nothing is returned unless the whole folder is valid.
 */
export function readFactory(
  dir: string,
  options: { isKnownVersion: (version: string) => boolean; onModuleRead?: (done: number, total: number) => void },
): Factory {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserError('invalid-factory', `Factory folder ${dir} does not exist.`);
  }
  const problems = new Problems();
  const environmentFile = path.join(dir, 'environment.json');
  const found = { modules: 0, refused: new Set<string>() };
  const environment = readJson(environmentFile, problems);
  if (environment) {
    if (typeof environment.name !== 'string' || environment.name.trim() === '') {
      problems.add(environmentFile, '"name" must be a non-empty string');
    }
    if (typeof environment.platformVersion !== 'string' || !options.isKnownVersion(environment.platformVersion)) {
      problems.add(
        environmentFile,
        `"platformVersion" must be a shipped platform version (got ${JSON.stringify(environment.platformVersion)})`,
      );
    }
  }

  const modulesDir = path.join(dir, 'modules');
  const modules: FactoryModule[] = [];
  if (refusedLink(modulesDir, problems)) {
    // refused above, and not listed
  } else if (!entryAt(modulesDir)) {
    problems.add(modulesDir, 'is missing (the factory needs a modules/ folder)');
  } else {
    const entries = fs.readdirSync(modulesDir, { withFileTypes: true });
    // A module folder that is a link is found, and refused: never skipped silently.
    for (const entry of entries.filter((entry) => entry.isSymbolicLink())) {
      found.modules++;
      found.refused.add(entry.name);
      refusedLink(path.join(modulesDir, entry.name), problems);
    }
    const folders = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    found.modules += folders.length;
    folders.forEach((folder, index) => {
      const module = readModule(modulesDir, folder, problems);
      if (module) modules.push(module);
      else found.refused.add(folder);
      options.onModuleRead?.(index + 1, folders.length);
    });
    const names = new Set(modules.map((module) => module.name));
    for (const module of modules) {
      for (const reference of module.references) {
        if (!names.has(reference)) {
          found.refused.add(module.name);
          problems.add(
            path.join(modulesDir, module.name, 'module.json'),
            `"references" names '${reference}', which is not a module of this factory`,
          );
        }
      }
    }
  }

  if (problems.list.length > 0) {
    const refused = found.refused.size;
    throw invalid(
      `The factory ${dir} is invalid; nothing was imported (found ${plural(found.modules, 'module')}: ` +
        `0 imported, ${refused} refused, ${found.modules - refused} valid but not imported, as a factory is imported whole or not at all)`,
      problems,
    );
  }
  return { name: environment!.name as string, platformVersion: environment!.platformVersion as string, modules };
}
