import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  copyEnvironment,
  makeTempDir,
  removeTempDir,
  runCli,
  runCliIn,
  SETUP_TIMEOUT_MS,
  type CliResult,
} from './run-cli';

/** What a test file's environment is made from, and what is done to it before the first test. */
export interface ImportedEnvironmentOptions<F> {
  /** Prefix of the temporary folder that holds the factory, the environment and every copy. */
  prefix?: string;
  /** Writes the factory into the folder it is given; what it returns is kept as `factory`. */
  factory: (dir: string) => F;
  /** Settings set and applied (`config set`, `config apply`) after the import, each expected to succeed. */
  settings?: Record<string, string>;
  /** Runs after the import and the settings, still in beforeAll (an upgrade every test starts from). */
  afterImport?: (environmentDir: string) => Promise<void>;
  /** Leaves the import's result for the tests to judge, instead of expecting exit 0 here. */
  keepImportResult?: boolean;
}

/** A factory imported once per test file through `config-tool import`, and copied for each test that changes it. */
export interface ImportedEnvironment<F> {
  /** The temporary folder of the file: the factory (`factory/`), the environment, the copies; removed after the file. */
  readonly workDir: string;
  /** The imported environment. Tests that only read it, or that run in order on purpose, use it as it is. */
  readonly dir: string;
  /** The factory folder that was imported. */
  readonly factoryDir: string;
  /** What `options.factory` returned (the generator's oracle, or the folder). */
  readonly factory: F;
  /** What `config-tool import` left: its exit status and output. */
  readonly importResult: CliResult;
  /** A private copy of the imported environment for one test. */
  fresh(): string;
}

/**
 * Registers the file's (or the enclosing describe's) beforeAll that writes a factory and imports it through the
 * CLI, and the afterAll that removes everything. The values are readable from the first test on.
 */
export function importedEnvironment<F>(options: ImportedEnvironmentOptions<F>): ImportedEnvironment<F> {
  let workDir: string | undefined;
  let factory: F;
  let importResult: CliResult;
  let copies = 0;
  const ready = (): string => {
    if (!workDir) throw new Error('the imported environment is only there once beforeAll has run');
    return workDir;
  };
  const handle: ImportedEnvironment<F> = {
    get workDir() {
      return ready();
    },
    get dir() {
      return path.join(ready(), 'env');
    },
    get factoryDir() {
      return path.join(ready(), 'factory');
    },
    get factory() {
      ready();
      return factory;
    },
    get importResult() {
      ready();
      return importResult;
    },
    fresh: () => copyEnvironment(handle.dir, path.join(ready(), `env-${++copies}`)),
  };

  beforeAll(async () => {
    workDir = makeTempDir(options.prefix);
    factory = options.factory(handle.factoryDir);
    importResult = await runCli(['import', handle.factoryDir, '--env', handle.dir]);
    if (!options.keepImportResult) expect(importResult.status, importResult.stderr).toBe(0);
    const settings = Object.entries(options.settings ?? {});
    for (const [key, value] of settings) {
      const set = await runCliIn(handle.dir, ['config', 'set', key, value]);
      expect(set.status, set.stderr).toBe(0);
    }
    if (settings.length) {
      const applied = await runCliIn(handle.dir, ['config', 'apply']);
      expect(applied.status, applied.stderr).toBe(0);
    }
    await options.afterImport?.(handle.dir);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => {
    if (workDir) removeTempDir(workDir);
  });
  return handle;
}
