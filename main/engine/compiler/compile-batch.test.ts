import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILE_BATCH_LIMITS } from '../engine-context';
import { createNodeWorkerSpawner } from '../process/worker-spawner';
import { CompilerPool, type CompiledRequest } from './compiler-pool';
import { childPids, processTreeRssBytes } from '../process/process-memory';
import type { CompileGroup, CompileJob, CompileResult, ProducerInterface } from './compile-types';
import { GroupCompiler } from './compile-group';
import { planBatches } from './compile-batch';

const alone = new GroupCompiler();
afterAll(() => alone.close());

function job(moduleName: string, sources: Record<string, string>, more: Partial<CompileJob> = {}): CompileJob {
  return { moduleName, kind: 'service', platformVersion: '11.13.0', sources, references: [], producers: {}, ...more };
}

function producer(result: CompileResult): ProducerInterface {
  expect(result.diagnostics).toEqual([]);
  return { interfaceHash: result.interfaceHash!, declarations: result.declarations };
}

/** What a result says, without its time. */
function outcome(result: CompileResult): Omit<CompileResult, 'durationMs'> {
  const { durationMs: _durationMs, ...rest } = result;
  return rest;
}

const lib = alone.compile([
  job('Lib', {
    'src/index.ts': `export interface Order { id: string; total: number }\nexport function total(o: Order): number { return o.total; }\nexport * from './model/customer';\n`,
    'src/model/customer.ts': `export interface Customer { name: string }\n`,
  }),
])[0]!;
const base = alone.compile([job('Base', { 'src/index.ts': `export type Id = string;\n` })])[0]!;
const mid = alone.compile([
  job(
    'Mid',
    { 'src/index.ts': `import type { Id } from '@modules/Base';\nexport const make = (id: Id): Id => id;\n` },
    {
      references: ['Base'],
      producers: { Base: producer(base) },
    },
  ),
])[0]!;

/** Modules that can share a program, some with errors, beside ones that can't. */
function modules(): CompileJob[] {
  const libProducer = { Lib: producer(lib) };
  return [
    job('Fine', {
      'src/index.ts': `import { log } from '@platform/runtime';\nexport const hello = (): void => log('hi');\n`,
    }),
    job(
      'Consumer',
      {
        'src/index.ts': `import { total, type Order, type Customer } from '@modules/Lib';\nimport type { Customer as C2 } from '@modules/Lib/model/customer';\nexport const sum = (o: Order): number => total(o);\nexport const who = (c: Customer, d: C2): string => c.name + d.name;\n`,
      },
      { references: ['Lib'], producers: libProducer },
    ),
    job(
      'Broken',
      {
        'src/index.ts': `import { total } from '@modules/Lib';\nexport const bad: string = total({ id: 'x', total: 1 });\n`,
      },
      { references: ['Lib'], producers: libProducer },
    ),
    job('Rules', {
      'src/index.ts': `import fs from 'node:fs';\nimport { nothing } from './missing';\nimport { x } from '@modules/Lib';\nexport const y = [fs, nothing, x];\n`,
    }),
    job(
      'Transitive',
      {
        'src/index.ts': `import { make } from '@modules/Mid';\nexport const id = make('a');\nexport const n: number = make('b');\n`,
      },
      { references: ['Mid'], producers: { Mid: producer(mid), Base: producer(base) } },
    ),
    job('Web', { 'src/index.ts': `export const title = (): string => document.title;\n` }, { kind: 'web' }),
    job('Web2', { 'src/index.ts': `export const here = (): string => window.location.href;\n` }, { kind: 'mobile' }),
    job('ServiceUsesDom', { 'src/index.ts': `export const t = (): string => document.title;\n` }),
    // A script declares globals: alone, its batch-mates must not see them.
    job('Script', { 'src/index.ts': `const shared = 1;\nfunction helper(): number { return shared; }\n` }),
    job('UsesGlobal', { 'src/index.ts': `export const v: number = helper();\n` }),
    job('Augments', {
      'src/index.ts': `declare global { interface Array<T> { first(): T } }\nexport const f = [1].first();\n`,
    }),
    job('UsesAugment', { 'src/index.ts': `export const f: number = [1].first();\n` }),
    job('NoEntry', { 'src/other.ts': `export const x = 1;\n` }),
    job('OldVersion', { 'src/index.ts': `export const x = 1;\n` }, { platformVersion: '11.11.3' }),
  ];
}

describe('GroupCompiler: several modules in one program (a batch)', () => {
  it('gives every module of a batch what compiling it alone gives, failing ones and their batch-mates alike', () => {
    const jobs = modules();
    const expected = jobs.map((one) => outcome(alone.compile([one])[0]!));
    const batching = new GroupCompiler();
    try {
      const results = batching.compileMany(jobs.map((one): CompileGroup => [one]));
      expect(results.map((list) => list.map(outcome))).toEqual(expected.map((one) => [one]));
      expect(expected.filter((one) => one.success).map((one) => one.moduleName)).toEqual([
        'Fine',
        'Consumer',
        'Web',
        'Web2',
        'Script',
        'Augments',
        'OldVersion',
      ]);
      // Fewer programs than modules: the batchable ones of each version and library set share one.
      expect(batching.phases.programs).toBeLessThan(jobs.length - 4);
    } finally {
      batching.close();
    }
  });

  it("refuses an import of a batch-mate's files however it is written, as alone (the text screen misses none)", () => {
    const into = `'../../Target/src/index'`;
    const hidden: Record<string, string> = {
      CommentBetween: `import { b } from /* where */ ${into};\nexport const x = b;\n`,
      LineCommentBetween: `export { b } from // re-export\n  ${into};\n`,
      ImportType: `export type T = typeof import(${into});\n`,
      ImportEquals: `import b = require(${into});\nexport const x = b;\n`,
      Template: 'export const later = () => import(`../../Target/src/index`);\n',
      Escaped: `import { b } from '\\x2e\\x2e/\\x2e\\x2e/Target/src/index';\nexport const x = b;\n`,
      AfterRegex: `declare const s: string;\nif (s) /'/.test(s); import { b } from ${into}; export const q = '';\nexport const x = b;\n`,
    };
    const jobs = [
      job('Target', { 'src/index.ts': `export const b = 1;\n` }),
      // Not an import, though it reads like one: compiles, batched or alone.
      job('Mentions', { 'src/index.ts': `export const note = "import { b } from ${into.slice(1, -1)}";\n` }),
      ...Object.entries(hidden).map(([name, text]) => job(name, { 'src/index.ts': text })),
    ];
    const expected = jobs.map((one) => outcome(alone.compile([one])[0]!));
    const batching = new GroupCompiler();
    try {
      expect(batching.compileMany(jobs.map((one): CompileGroup => [one])).map((list) => list.map(outcome))).toEqual(
        expected.map((one) => [one]),
      );
      expect(expected.filter((one) => one.success).map((one) => one.moduleName)).toEqual(['Target', 'Mentions']);
      for (const one of expected.slice(2))
        expect(one.diagnostics.map((d) => d.message).join('\n'), one.moduleName).toMatch(/is not allowed/);
    } finally {
      batching.close();
    }
  });

  it('keeps scripts, global augmentations, triple-slash references and cycles out of shared programs', () => {
    const jobs = modules();
    const names = (parts: number[][]) => parts.map((part) => part.map((index) => jobs[index]!.moduleName));
    const plan = names(planBatches(jobs.map((one): CompileGroup => [one])));
    expect(plan).toContainEqual(['Augments']);
    expect(plan).toContainEqual(['NoEntry']);
    expect(plan).toContainEqual(['OldVersion']);
    expect(plan).toContainEqual(['Web', 'Web2']);
    expect(plan.find((part) => part.includes('Fine'))).toEqual(
      expect.arrayContaining(['Fine', 'Consumer', 'Broken', 'Script', 'UsesGlobal']),
    );
    const reference = job('Ref', { 'src/index.ts': `/// <reference lib="es2020.bigint" />\nexport const x = 1;\n` });
    const cycle: CompileGroup = [
      job('A', { 'src/index.ts': 'export {};\n' }),
      job('B', { 'src/index.ts': 'export {};\n' }),
    ];
    expect(planBatches([[reference], cycle, [jobs[0]!]]).sort()).toEqual([[0], [1], [2]]);
  });

  it('compiles each module of a batch once more alone when the server dies during it, the others unharmed', () => {
    const killed = new Set<string>();
    const batching = new GroupCompiler({
      faults: {
        beforeAttempt(group, kill) {
          // 'Doomed' kills the server at every attempt; 'Shaky' only the first time.
          const name = group[0]!.moduleName;
          if (name === 'Doomed' || (name === 'Shaky' && !killed.has(name))) {
            killed.add(name);
            kill();
          }
        },
      },
    });
    try {
      const fine = (name: string) => job(name, { 'src/index.ts': `export const ${name.toLowerCase()} = 1;\n` });
      const results = batching.compileMany([[fine('One')], [fine('Shaky')], [fine('Doomed')], [fine('Two')]]);
      expect(results.map((list) => [list[0]!.moduleName, list[0]!.success])).toEqual([
        ['One', true],
        ['Shaky', true],
        ['Doomed', false],
        ['Two', true],
      ]);
      expect(results[2]![0]!.diagnostics).toEqual([
        {
          message: expect.stringMatching(
            /^The TypeScript compiler server stopped twice while compiling 'Doomed' \(.+\)$/,
          ),
        },
      ]);
    } finally {
      batching.close();
    }
  });
});

describe('CompilerPool with batches', () => {
  it.runIf(process.platform === 'linux')(
    'keeps a compiler process under 512 MB with the largest batch it sends (32 modules, 1 MB of sources)',
    async () => {
      const requests: CompiledRequest[] = [];
      const pool = new CompilerPool({
        size: 1,
        spawner: createNodeWorkerSpawner(),
        timeLimitMs: 60_000,
        batch: COMPILE_BATCH_LIMITS,
        onCompiled: (request) => requests.push(request),
      });
      let peak = 0;
      const watch = setInterval(() => {
        for (const pid of childPids(process.pid))
          if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('compiler-worker'))
            peak = Math.max(peak, processTreeRssBytes(pid));
      }, 50);
      try {
        const size = Math.floor(COMPILE_BATCH_LIMITS.bytes / COMPILE_BATCH_LIMITS.modules) - 200;
        const big = (name: string): CompileGroup => {
          const lines: string[] = [`import { log } from '@platform/runtime';`];
          for (let i = 0; lines.join('\n').length < size; i++)
            lines.push(`export function f${i}(x: number): string { log('${name}'); return String(x * ${i}); }`);
          return [job(name, { 'src/index.ts': lines.join('\n') + '\n' })];
        };
        // Two full requests' worth: the pool shares the queue among the requests its worker holds (two).
        const names = Array.from({ length: 2 * COMPILE_BATCH_LIMITS.modules }, (_, i) => `Big${i}`);
        const outcomes = await Promise.all(names.map((name) => pool.compile(big(name))));
        expect(outcomes.map((outcome) => outcome.kind === 'compiled' && outcome.results[0]!.success)).toEqual(
          names.map(() => true),
        );
        expect(Math.max(...requests.map((request) => request.modules))).toBe(COMPILE_BATCH_LIMITS.modules);
        expect(peak).toBeGreaterThan(0);
        expect(peak).toBeLessThan(512 * 1024 * 1024);
      } finally {
        clearInterval(watch);
        pool.close();
      }
    },
    180_000,
  );
});
