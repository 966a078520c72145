import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeModule } from '../../../bench/factory-generator';
import { withEnvironment } from '../environment-session';
import { librarySource, writeTestFactory } from '../test-support/factories';
import { makeTempDir, removeTempDir, runCli, SETUP_TIMEOUT_MS } from '../test-support/run-cli';
import { getModuleDetail } from '../../engine/queries/module-queries';

/** A folder `upload SalesLib DIR` reads: SalesLib's manifest and the given sources. */
function salesLibFolder(root: string, files: Record<string, string>): string {
  const parent = makeTempDir('config-tool-outdated-');
  writeModule(
    parent,
    { name: 'SalesLib', application: 'Sales', kind: 'library', state: 'published', references: [] },
    files,
  );
  const dir = path.join(root, `SalesLib-${fs.readdirSync(root).length}`);
  fs.renameSync(path.join(parent, 'modules', 'SalesLib'), dir);
  removeTempDir(parent);
  return dir;
}

/** The module detail the console shows (the same query the desktop app and the browser host answer with). */
function detail(envDir: string, name: string) {
  return withEnvironment(envDir, (context) => getModuleDetail(context, name), { readOnly: true });
}

describe('a prepared compilation outdated by a producer published with a new interface (spec §4a)', () => {
  let tmp: string;
  let envDir: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    envDir = path.join(tmp, 'env');
    const factory = writeTestFactory(path.join(tmp, 'factory'), {
      platformVersion: '11.13.0',
      modules: [
        { name: 'SalesLib', application: 'Sales' },
        { name: 'SalesService', application: 'Sales', references: ['SalesLib'] },
      ],
    });
    expect((await runCli(['import', factory, '--env', envDir])).status).toBe(0);
    const upgraded = await runCli(['upgrade', '--to', '11.17.0', '--env', envDir]);
    expect(upgraded.status, upgraded.stderr).toBe(0);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => removeTempDir(tmp));

  it('is not marked while the producer keeps the interface it was compiled against', async () => {
    const prepared = await detail(envDir, 'SalesService');
    expect(prepared.status).toBe('prepared');
    expect(prepared.preparedOutdated).toBeNull();

    // A new body behind the same public interface: the consumer's prepared compilation still matches.
    const sameInterface = librarySource('SalesLib');
    sameInterface['index.ts'] = sameInterface['index.ts']!.replace("'Hello '", "'Hi '");
    expect((await runCli(['upload', 'SalesLib', salesLibFolder(tmp, sameInterface), '--env', envDir])).status).toBe(0);
    const published = await runCli(['publish', 'SalesLib', '--env', envDir]);
    expect(published.status, published.stderr).toBe(0);
    expect((await detail(envDir, 'SalesService')).preparedOutdated).toBeNull();
  });

  it('says which producer changed once it is published with a new interface, and publishing the consumer clears it', async () => {
    const changed = librarySource('SalesLib');
    changed['index.ts'] += `\nexport function SalesLibFarewell(who: string): string {\n  return 'Bye ' + who;\n}\n`;
    expect((await runCli(['upload', 'SalesLib', salesLibFolder(tmp, changed), '--env', envDir])).status).toBe(0);
    expect((await runCli(['publish', 'SalesLib', '--env', envDir])).status).toBe(0);

    const outdated = await detail(envDir, 'SalesService');
    expect(outdated.status).toBe('prepared');
    expect(outdated.preparedOutdated).toBe(
      'Compiled against an earlier version of SalesLib; publishing it compiles it again.',
    );

    const published = await runCli(['publish', 'SalesService', '--env', envDir]);
    expect(published.status, published.stderr).toBe(0);
    expect((await detail(envDir, 'SalesService')).preparedOutdated).toBeNull();
  });
});
