import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the preload bundle', () => {
  // The preload checks channel and event names only; the schemas (zod) are checked in main and the browser host.
  it('bundles the contract’s names and no zod', async () => {
    const result = await build({
      entryPoints: [path.join(__dirname, 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('common/channels.ts');
    expect(inputs.filter((input) => input.includes('node_modules/zod') || input === 'common/contract.ts')).toEqual([]);
  });
});
