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

function readText(file: string, problems: Problems): string | null {
  try {
    return utf8.decode(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) problems.add(file, 'is not UTF-8 text');
    else problems.add(file, `can't be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return null;
  }
}

function readJson(file: string, problems: Problems): Record<string, unknown> | null {
  if (!fs.existsSync(file)) {
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
    problems.add(file, `is not valid JSON (${(error as Error).message})`);
    return null;
  }
}

/** The files under `dir`; a symbolic link (or anything but a file or folder) is a problem naming it, never skipped. */
function listFiles(dir: string, problems: Problems): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink())
      problems.add(full, "is a symbolic link: a factory must hold the module's source files themselves");
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
  if (!fs.existsSync(path.join(srcDir, 'index.ts'))) {
    problems.add(path.join(srcDir, 'index.ts'), 'is missing (every module needs src/index.ts, its public interface)');
  }
  if (fs.existsSync(srcDir) && fs.statSync(srcDir).isDirectory()) {
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
  if (problems.list.length > 0) throw invalid(`The module folder ${dir} is invalid; nothing was uploaded`, problems);
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
  if (!fs.existsSync(modulesDir)) {
    problems.add(modulesDir, 'is missing (the factory needs a modules/ folder)');
  } else {
    const folders = fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    folders.forEach((folder, index) => {
      const module = readModule(modulesDir, folder, problems);
      if (module) modules.push(module);
      options.onModuleRead?.(index + 1, folders.length);
    });
    const names = new Set(modules.map((module) => module.name));
    for (const module of modules) {
      for (const reference of module.references) {
        if (!names.has(reference)) {
          problems.add(
            path.join(modulesDir, module.name, 'module.json'),
            `"references" names '${reference}', which is not a module of this factory`,
          );
        }
      }
    }
  }

  if (problems.list.length > 0) throw invalid(`The factory ${dir} is invalid; nothing was imported`, problems);
  return { name: environment!.name as string, platformVersion: environment!.platformVersion as string, modules };
}
