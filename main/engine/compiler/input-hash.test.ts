import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CompileJob } from './compile-types';
import { COMPILER_REVISION, computeInputHash } from './input-hash';
import { NATIVE_COMPILER_VERSION } from './native-binary';
import { RUNTIME_GLOBALS_DTS } from './runtime-globals';
import { loadPlatformVersion } from '../platform/platform-versions';

/** The input hash as its definition says, written out in one piece: stored compilations keep their identity. */
function expectedHash(job: CompileJob): string {
  const hash = createHash('sha256');
  const field = (value: string) => hash.update(`${Buffer.byteLength(value)}:`).update(value);
  field(`typescript ${NATIVE_COMPILER_VERSION} / compiler ${COMPILER_REVISION}`);
  field(RUNTIME_GLOBALS_DTS);
  field(job.platformVersion);
  field(`kind ${job.kind}`);
  const info = loadPlatformVersion(job.platformVersion);
  field(info.compilerJson);
  field(info.runtimeDts);
  // The sources by their digest, as every module version stores it (source_hash).
  const digest = createHash('sha256');
  for (const path of Object.keys(job.sources).sort())
    digest.update(path).update('\0').update(job.sources[path]!).update('\0');
  field(`sources ${digest.digest('hex')}`);
  field(`references ${[...job.references].sort().join(',')}`);
  const producers = Object.keys(job.producers).sort();
  field(`producers ${producers.length}`);
  for (const name of producers) {
    field(name);
    field(job.producers[name]!.interfaceHash);
  }
  return hash.digest('hex');
}

describe('computeInputHash', () => {
  it('hashes the same bytes however many jobs of a version and kind came before (its shared prefix is kept)', () => {
    const jobs: CompileJob[] = ['11.11.3', '11.17.0'].flatMap((platformVersion) =>
      (['library', 'web', 'library'] as const).map((kind, index) => ({
        moduleName: `M${index}`,
        kind,
        platformVersion,
        sources: { 'src/index.ts': `export const n = ${index};\n`, 'src/a.ts': 'export {};\n' },
        references: ['B', 'A'],
        producers: { B: { interfaceHash: 'b', declarations: {} }, A: { interfaceHash: 'a', declarations: {} } },
      })),
    );
    for (const job of [...jobs, ...jobs]) expect(computeInputHash(job)).toBe(expectedHash(job));
    expect(new Set(jobs.map((job) => computeInputHash(job))).size).toBe(jobs.length);
  });
});
