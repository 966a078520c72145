import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CompileJob, CompileResult, ProducerInterface } from './compile-types';
import { GroupCompiler } from './compile-group';
import { CompilerPool } from './compiler-pool';
import { computeGroupInputHashes as computeCycleInputHashes } from './input-hash';
import { createNodeWorkerSpawner } from '../process/worker-spawner';

const compiler = new GroupCompiler();
afterAll(() => compiler.close());
const compileCycle = (jobs: CompileJob[]): CompileResult[] => compiler.compile(jobs);
const compileModule = (job: CompileJob): CompileResult => compiler.compile([job])[0]!;

function job(moduleName: string, sources: Record<string, string>, more: Partial<CompileJob> = {}): CompileJob {
  return { moduleName, kind: 'service', platformVersion: '11.13.0', sources, references: [], producers: {}, ...more };
}

function asProducer(result: CompileResult): ProducerInterface {
  expect(result.diagnostics).toEqual([]);
  return { interfaceHash: result.interfaceHash!, declarations: result.declarations };
}

// A and B call each other, and each one's types appear in the other's signatures.
const aSources = {
  'src/index.ts': `import { makeB, type BThing } from '@modules/B';\nimport { label } from './model/label';\n\nexport interface AThing { a: number; partner?: BThing }\nexport function makeA(n: number): AThing { return { a: n }; }\nexport function pairA(): AThing { return { a: 1, partner: makeB(label()) }; }\n`,
  'src/model/label.ts': `export const label = (): string => 'a';\n`,
};
const bSources = {
  'src/index.ts': `import { makeA } from '@modules/A';\n\nexport interface BThing { b: string }\nexport function makeB(s: string): BThing { return { b: s + String(makeA(1).a) }; }\nexport const viaA = () => makeA(2);\n`,
  // Names A's type without importing A: declaration emit has to generate the specifier itself.
  'src/more.ts': `import { viaA } from './index';\n\nexport const again = () => viaA();\n`,
};
const a = (sources = aSources, more: Partial<CompileJob> = {}): CompileJob =>
  job('A', sources, { references: ['B'], ...more });
const b = (sources: Record<string, string> = bSources, more: Partial<CompileJob> = {}): CompileJob =>
  job('B', sources, { references: ['A'], ...more });

describe('GroupCompiler: reference cycles', () => {
  it('compiles a 2-module cycle, giving each member only its own output with @modules imports kept', () => {
    const [ra, rb] = compileCycle([a(), b()]) as [CompileResult, CompileResult];
    expect(ra.diagnostics).toEqual([]);
    expect(rb.diagnostics).toEqual([]);
    expect([ra.moduleName, ra.success, rb.moduleName, rb.success]).toEqual(['A', true, 'B', true]);
    expect(Object.keys(ra.js)).toEqual(['src/index.js', 'src/model/label.js']);
    expect(Object.keys(ra.declarations)).toEqual(['index.d.ts', 'model/label.d.ts']);
    expect(Object.keys(rb.js)).toEqual(['src/index.js', 'src/more.js']);
    expect(Object.keys(rb.declarations)).toEqual(['index.d.ts', 'more.d.ts']);
    expect(ra.js['src/index.js']).toContain("from '@modules/B'");
    expect(ra.declarations['index.d.ts']).toContain("from '@modules/B'");
    expect(rb.declarations['index.d.ts']).toContain('import("@modules/A").AThing');
    expect(rb.declarations['more.d.ts']).toBe('export declare const again: () => import("@modules/A").AThing;\n');
    expect(ra.interfaceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ra.inputHash).not.toBe(rb.inputHash);

    // Deterministic bytes.
    const again = compileCycle([a(), b()]);
    expect(again.map((r) => [r.js, r.declarations, r.interfaceHash, r.inputHash])).toEqual(
      [ra, rb].map((r) => [r.js, r.declarations, r.interfaceHash, r.inputHash]),
    );

    // An outside consumer of A compiles against A's and B's declarations (B transitively).
    const consumer = compileModule(
      job(
        'C',
        {
          'src/index.ts': `import { pairA, type AThing } from '@modules/A';\n\nexport const partnerName = (): string => pairA().partner?.b ?? '';\nexport const keep = (t: AThing): number => t.a;\n`,
        },
        { references: ['A'], producers: { A: asProducer(ra), B: asProducer(rb) } },
      ),
    );
    expect(consumer.diagnostics).toEqual([]);
    expect(consumer.success).toBe(true);
  });

  it("reports an error in B's file only in B's result, with file, line and column", () => {
    const broken = {
      ...bSources,
      'src/more.ts': `import { makeA } from '@modules/A';\n\nexport const n: string = makeA(1).a;\n`,
    };
    const [ra, rb] = compileCycle([a(), b(broken)]) as [CompileResult, CompileResult];
    expect(ra).toMatchObject({ success: true, diagnostics: [] });
    expect(rb.success).toBe(false);
    expect(rb.js).toEqual({});
    expect(rb.declarations).toEqual({});
    expect(rb.interfaceHash).toBeNull();
    expect(rb.diagnostics).toEqual([
      { message: "Type 'number' is not assignable to type 'string'.", file: 'src/more.ts', line: 3, column: 14 },
    ]);
  });

  it('compiles a 3-cycle in which one member uses an outside producer', () => {
    const p = asProducer(
      compileModule(
        job('P', {
          'src/index.ts': `export interface Money { cents: number }\nexport const zero = (): Money => ({ cents: 0 });\n`,
        }),
      ),
    );
    const x = job(
      'X',
      {
        'src/index.ts': `import { y } from '@modules/Y';\nimport { zero, type Money } from '@modules/P';\nexport const x = (): Money => (y() > 0 ? zero() : { cents: 1 });\n`,
      },
      { references: ['Y', 'P'], producers: { P: p } },
    );
    const y = job(
      'Y',
      { 'src/index.ts': `import { z } from '@modules/Z';\nexport const y = (): number => z().length;\n` },
      { references: ['Z'] },
    );
    const z = job(
      'Z',
      {
        'src/index.ts': `import { x } from '@modules/X';\nexport const z = () => [x()];\nexport const total = (): number => x().cents;\n`,
      },
      { references: ['X'] },
    );
    const results = compileCycle([x, y, z]);
    expect(results.map((r) => [r.moduleName, r.success, r.diagnostics])).toEqual([
      ['X', true, []],
      ['Y', true, []],
      ['Z', true, []],
    ]);
    // Z names P's type through X: the specifier is P's, which Z's outside consumers get as a transitive producer.
    expect(results[2]!.declarations['index.d.ts']).toContain('import("@modules/P").Money');
  });

  it('refuses a member that is not in the references like any other module', () => {
    const lone = job(
      'A',
      { 'src/index.ts': `import { makeB } from '@modules/B';\nexport const f = makeB;\n` },
      { references: ['C'] },
    );
    const c = job(
      'C',
      { 'src/index.ts': `import { f } from '@modules/A';\nexport const g = f;\n` },
      { references: ['A'] },
    );
    const bOk = job(
      'B',
      {
        'src/index.ts': `import { g } from '@modules/C';\nexport const makeB = (): number => 1;\nexport const h = g;\n`,
      },
      { references: ['C'] },
    );
    const [ra, , rb] = compileCycle([lone, c, bOk]);
    expect(ra!.success).toBe(false);
    expect(ra!.diagnostics).toEqual([
      {
        message: "Import '@modules/B' in src/index.ts is not allowed: module 'B' is not in the references of 'A'",
        file: 'src/index.ts',
        line: 1,
        column: 23,
      },
    ]);
    expect(rb!.diagnostics).toEqual([]);
  });

  it("changes every member's input hash when one member's source changes, and only then", () => {
    const before = computeCycleInputHashes([a(), b()]);
    expect(computeCycleInputHashes([a(), b()])).toEqual(before);
    // Input order and stale member declarations among the producers do not matter.
    const stale = { interfaceHash: 'stale', declarations: { 'index.d.ts': 'export {};\n' } };
    expect(computeCycleInputHashes([b(), a(aSources, { producers: { B: stale } })]).reverse()).toEqual(before);
    const changed = computeCycleInputHashes([a(), b({ ...bSources, 'src/more.ts': `export const again = 1;\n` })]);
    expect(changed[0]).not.toBe(before[0]);
    expect(changed[1]).not.toBe(before[1]);
    expect(compileCycle([a(), b()]).map((r) => r.inputHash)).toEqual(before);
  });
});

describe('CompilerPool with a cycle', () => {
  let pool: CompilerPool | undefined;
  afterEach(() => pool?.close());

  it('compiles a cycle in a real worker process', async () => {
    pool = new CompilerPool({ size: 1, spawner: createNodeWorkerSpawner(), timeLimitMs: 30_000 });
    let started = false;
    const outcome = await pool.compile([a(), b()], () => (started = true));
    expect(started).toBe(true);
    expect(outcome.kind).toBe('compiled');
    if (outcome.kind !== 'compiled') return;
    expect(outcome.results.map((r) => [r.moduleName, r.success])).toEqual([
      ['A', true],
      ['B', true],
    ]);
    expect(outcome.results.map((r) => r.declarations)).toEqual(compileCycle([a(), b()]).map((r) => r.declarations));
  });

  it('reports a crash on any member as process-failed after one retry and keeps working', async () => {
    pool = new CompilerPool({
      size: 1,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 30_000,
      env: { CONFIG_TOOL_TEST_FAULTS: 'crash:B' },
    });
    const failed = pool.compile([a(), b()]);
    const next = pool.compile([job('Fine', { 'src/index.ts': `export const ok = 1;\n` })]);
    expect(await failed).toEqual({
      kind: 'process-failed',
      reason: "The compiler process crashed (exit code 70) twice while compiling the cycle 'A', 'B'",
      attempts: 2,
    });
    expect(await next).toMatchObject({ kind: 'compiled', results: [{ moduleName: 'Fine', success: true }] });
    // A cycle with no faulty member still compiles on the replacement worker.
    const later = await pool.compile([
      job(
        'Ping',
        {
          'src/index.ts': `import { pong } from '@modules/Pong';\nexport const ping = (n: number): number => (n > 0 ? pong(n - 1) : 0);\n`,
        },
        { references: ['Pong'] },
      ),
      job(
        'Pong',
        {
          'src/index.ts': `import { ping } from '@modules/Ping';\nexport const pong = (n: number): number => ping(n);\n`,
        },
        { references: ['Ping'] },
      ),
    ]);
    expect(later).toMatchObject({ kind: 'compiled', results: [{ success: true }, { success: true }] });
    expect(later.kind).toBe('compiled');
  });
});
