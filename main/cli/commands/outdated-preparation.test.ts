import { describe, expect, it } from 'vitest';
import { withEnvironment } from '../environment-session';
import { librarySource, writeTestFactory, writeUploadFolder } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { runCliIn } from '../../../test-support/run-cli';
import { getModuleDetail } from '../../engine/queries/module-queries';

/** The module detail the console shows (the same query the desktop app and the browser host answer with). */
function detail(envDir: string, name: string) {
  return withEnvironment(envDir, (context) => getModuleDetail(context, name), { readOnly: true });
}

describe('a prepared compilation outdated by a producer published with a new interface (spec §4a)', () => {
  // The tests run in order on one environment: the second goes on from where the first left it.
  const imported = importedEnvironment({
    factory: (dir) =>
      writeTestFactory(dir, {
        platformVersion: '11.13.0',
        modules: [
          { name: 'SalesLib', application: 'Sales' },
          { name: 'SalesService', application: 'Sales', references: ['SalesLib'] },
        ],
      }),
    afterImport: async (env) => {
      const upgraded = await runCliIn(env, ['upgrade', '--to', '11.17.0']);
      expect(upgraded.status, upgraded.stderr).toBe(0);
    },
  });

  /** A folder `upload SalesLib DIR` reads: SalesLib's manifest and the given sources. */
  const salesLibFolder = (files: Record<string, string>) =>
    writeUploadFolder(imported.workDir, { name: 'SalesLib', application: 'Sales', files });

  it('is not marked while the producer keeps the interface it was compiled against', async () => {
    const prepared = await detail(imported.dir, 'SalesService');
    expect(prepared.status).toBe('prepared');
    expect(prepared.preparedOutdated).toBeNull();

    // A new body behind the same public interface: the consumer's prepared compilation still matches.
    const sameInterface = librarySource('SalesLib');
    sameInterface['index.ts'] = sameInterface['index.ts']!.replace("'Hello '", "'Hi '");
    expect((await runCliIn(imported.dir, ['upload', 'SalesLib', salesLibFolder(sameInterface)])).status).toBe(0);
    const published = await runCliIn(imported.dir, ['publish', 'SalesLib']);
    expect(published.status, published.stderr).toBe(0);
    expect((await detail(imported.dir, 'SalesService')).preparedOutdated).toBeNull();
  });

  it('says which producer changed once it is published with a new interface, and publishing the consumer clears it', async () => {
    const changed = librarySource('SalesLib');
    changed['index.ts'] += `\nexport function SalesLibFarewell(who: string): string {\n  return 'Bye ' + who;\n}\n`;
    expect((await runCliIn(imported.dir, ['upload', 'SalesLib', salesLibFolder(changed)])).status).toBe(0);
    expect((await runCliIn(imported.dir, ['publish', 'SalesLib'])).status).toBe(0);

    const outdated = await detail(imported.dir, 'SalesService');
    expect(outdated.status).toBe('prepared');
    expect(outdated.preparedOutdated).toBe(
      'Compiled against an earlier version of SalesLib; publishing it compiles it again.',
    );

    const published = await runCliIn(imported.dir, ['publish', 'SalesService']);
    expect(published.status, published.stderr).toBe(0);
    // Compiled again: the prepared compilation no longer matches, so none is reused.
    expect(published.stdout).toContain('Published 1 module: SalesService');
    expect(published.stdout).not.toContain('from prepared compilations');
    expect((await detail(imported.dir, 'SalesService')).preparedOutdated).toBeNull();
  });
});
