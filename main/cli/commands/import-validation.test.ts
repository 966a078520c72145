import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editManifest, writeTestFactory } from '../../../test-support/factories';
import { hasEntries, makeTempDir, removeTempDir, runCli } from '../../../test-support/run-cli';

interface BrokenFactoryCase {
  /** Completes "refuses a factory whose …". */
  problem: string;
  /** Breaks the good factory in `dir`. */
  breakIt: (dir: string) => void;
  /** The file the message must name, relative to the factory. */
  file: string;
  /** The rule the message must state. */
  rule: string;
}

const CASES: BrokenFactoryCase[] = [
  {
    problem: 'module name does not match the name pattern',
    breakIt: (dir) => writeTestFactory(dir, { modules: [{ name: '9Lives' }] }),
    file: 'modules/9Lives/module.json',
    rule: '"name" must match ^[A-Za-z][A-Za-z0-9_]{0,63}$',
  },
  {
    problem: 'module name differs from its folder name',
    breakIt: (dir) => editManifest(dir, 'Orders', { name: 'OrdersV2' }),
    file: 'modules/Orders/module.json',
    rule: `"name" must equal the folder name 'Orders'`,
  },
  {
    problem: 'application is empty',
    breakIt: (dir) => editManifest(dir, 'Orders', { application: '' }),
    file: 'modules/Orders/module.json',
    rule: '"application" must be a non-empty string of at most 128 characters',
  },
  {
    problem: 'application is longer than 128 characters',
    breakIt: (dir) => editManifest(dir, 'Orders', { application: 'A'.repeat(129) }),
    file: 'modules/Orders/module.json',
    rule: '"application" must be a non-empty string of at most 128 characters',
  },
  {
    problem: 'kind is not one of the four kinds',
    breakIt: (dir) => editManifest(dir, 'Orders', { kind: 'desktop' }),
    file: 'modules/Orders/module.json',
    rule: '"kind" must be one of web, mobile, service, library',
  },
  {
    problem: 'state is not one of the three states',
    breakIt: (dir) => editManifest(dir, 'Orders', { state: 'deployed' }),
    file: 'modules/Orders/module.json',
    rule: '"state" must be one of published, uploaded, publish-failed',
  },
  {
    problem: 'references is not an array',
    breakIt: (dir) => editManifest(dir, 'Orders', { references: 'CommonLib' }),
    file: 'modules/Orders/module.json',
    rule: '"references" must be an array of module names',
  },
  {
    problem: 'module references a module that does not exist',
    breakIt: (dir) => editManifest(dir, 'Orders', { references: ['CommonLib', 'Ghost'] }),
    file: 'modules/Orders/module.json',
    rule: `"references" names 'Ghost', which is not a module of this factory`,
  },
  {
    problem: 'module has no src/index.ts',
    breakIt: (dir) => fs.rmSync(path.join(dir, 'modules', 'CommonLib', 'src', 'index.ts')),
    file: 'modules/CommonLib/src/index.ts',
    rule: 'is missing (every module needs src/index.ts',
  },
  {
    problem: 'source file is not UTF-8 text',
    breakIt: (dir) =>
      fs.writeFileSync(
        path.join(dir, 'modules', 'Orders', 'src', 'legacy.ts'),
        Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
      ),
    file: 'modules/Orders/src/legacy.ts',
    rule: 'is not UTF-8 text',
  },
  {
    problem: 'environment.json is missing',
    breakIt: (dir) => fs.rmSync(path.join(dir, 'environment.json')),
    file: 'environment.json',
    rule: 'is missing',
  },
  {
    problem: 'platformVersion is not a shipped platform version',
    breakIt: (dir) =>
      fs.writeFileSync(
        path.join(dir, 'environment.json'),
        JSON.stringify({ name: 'Acme', platformVersion: '11.99.0' }),
      ),
    file: 'environment.json',
    rule: '"platformVersion" must be a shipped platform version (got "11.99.0")',
  },
];

describe('import of a factory that breaks a rule', () => {
  // One folder for all cases, each in its own sub-folder.
  let tmp: string;
  beforeAll(() => {
    tmp = makeTempDir();
  });
  afterAll(() => removeTempDir(tmp));

  it.each(CASES)(
    'refuses a factory whose $problem, names the file and the rule, and creates nothing',
    async ({ breakIt, file, rule }) => {
      const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
      const factory = writeTestFactory(path.join(dir, 'factory'), {
        modules: [{ name: 'CommonLib' }, { name: 'Orders', references: ['CommonLib'] }],
      });
      breakIt(factory);
      const envDir = path.join(dir, 'env');

      const result = await runCli(['import', factory, '--env', envDir]);

      expect(result.status).toBe(1);
      expect(result.stderr).toContain('nothing was imported');
      expect(result.stderr).toContain(`${path.join(factory, file)}: ${rule}`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(hasEntries(envDir)).toBe(false);
    },
  );
});
