import { afterAll, describe, expect, it } from 'vitest';
import type { CompileJob, CompileResult } from './compile-types';
import { GroupCompiler } from './compile-group';
import { computeInputHash } from './input-hash';
import { hashSources } from './source-digest';
import { findNativeBinary, NATIVE_COMPILER_VERSION } from './native-binary';
import { NativeServer } from './native-server';

const compiler = new GroupCompiler();
afterAll(() => compiler.close());

function compileModule(job: CompileJob, using: GroupCompiler = compiler): CompileResult {
  return using.compile([job])[0]!;
}

function job(moduleName: string, sources: Record<string, string>, more: Partial<CompileJob> = {}): CompileJob {
  return { moduleName, kind: 'service', platformVersion: '11.13.0', sources, references: [], producers: {}, ...more };
}

function asProducer(result: CompileResult): { interfaceHash: string; declarations: Record<string, string> } {
  expect(result.diagnostics).toEqual([]);
  return { interfaceHash: result.interfaceHash!, declarations: result.declarations };
}

const legacyMailer = {
  'src/index.ts': `import { log } from '@platform/runtime';\nimport { notify } from './notify';\nexport function run(): void {\n  log('run');\n  notify('a@b.c');\n}\n`,
  'src/notify.ts': `import { sendMailLegacy } from '@platform/runtime';\n\nexport function notify(to: string): void {\n  sendMailLegacy(to, 'hello');\n}\n`,
};

describe('GroupCompiler: one module', () => {
  it('compiles a module using sendMailLegacy on 11.11.3 and reports it on 11.13.0 with file, line and column', () => {
    const old = compileModule(job('Mailer', legacyMailer, { platformVersion: '11.11.3' }));
    expect(old.success).toBe(true);
    expect(Object.keys(old.js)).toEqual(['src/index.js', 'src/notify.js']);
    expect(Object.keys(old.declarations)).toEqual(['index.d.ts', 'notify.d.ts']);

    const current = compileModule(job('Mailer', legacyMailer, { platformVersion: '11.13.0' }));
    expect(current.success).toBe(false);
    expect(current.interfaceHash).toBeNull();
    expect(current.declarations).toEqual({});
    expect(current.diagnostics).toContainEqual({
      message: "Module '@platform/runtime' has no exported member 'sendMailLegacy'.",
      file: 'src/notify.ts',
      line: 1,
      column: 10,
    });
  });

  it('exposes httpPost from 11.11.3, session from 11.12.0 and featureFlags from 11.13.0', () => {
    const uses = (api: string, version: string): boolean =>
      compileModule(
        job(
          'Uses',
          { 'src/index.ts': `import { ${api} } from '@platform/runtime';\nexport const f = ${api};\n` },
          { platformVersion: version },
        ),
      ).success;
    expect([uses('httpPost', '11.10.0'), uses('httpPost', '11.11.3'), uses('httpPost', '11.12.0')]).toEqual([
      false,
      true,
      true,
    ]);
    expect([
      uses('getSessionValue', '11.11.3'),
      uses('getSessionValue', '11.12.0'),
      uses('session', '11.12.0'),
    ]).toEqual([true, false, true]);
    expect([uses('featureFlags', '11.12.0'), uses('metrics', '11.13.0'), uses('sendMail', '11.13.0')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it("compiles a consumer against its producer's declarations and fails it after the producer renames an export", () => {
    const producerSources = {
      'src/index.ts': `export * from './model/order';\nexport function total(order: Order): number { return order.lines.reduce((s, l) => s + l, 0); }\nimport type { Order } from './model/order';\n`,
      'src/model/order.ts': `export interface Order { id: number; lines: number[] }\n`,
    };
    const producer = asProducer(compileModule(job('Orders', producerSources)));
    expect(Object.keys(producer.declarations)).toEqual(['index.d.ts', 'model/order.d.ts']);
    const consumerSources = {
      'src/index.ts': `import { total, type Order } from '@modules/Orders';\n\nexport const sum = (o: Order): number => total(o);\n`,
    };
    const consumer = (p: { interfaceHash: string; declarations: Record<string, string> }): CompileResult =>
      compileModule(job('Invoices', consumerSources, { references: ['Orders'], producers: { Orders: p } }));
    expect(consumer(producer).success).toBe(true);

    const renamed = asProducer(
      compileModule(
        job('Orders', {
          ...producerSources,
          'src/index.ts': producerSources['src/index.ts'].replace('function total', 'function grandTotal'),
        }),
      ),
    );
    expect(renamed.interfaceHash).not.toBe(producer.interfaceHash);
    const broken = consumer(renamed);
    expect(broken.success).toBe(false);
    expect(broken.diagnostics[0]).toMatchObject({ file: 'src/index.ts', line: 1, column: 10 });
    expect(broken.diagnostics[0]!.message).toContain("'total'");
  });

  it('refuses imports outside @platform/runtime, referenced @modules and src/, naming the import and where it is', () => {
    const result = compileModule(
      job('Portal', {
        'src/index.ts': `import { log } from '@platform/runtime';\nimport _ from 'lodash';\nimport { x } from '@modules/Billing';\nimport '../../secrets';\nexport const a = 1;\n`,
      }),
    );
    expect(result.success).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        message:
          "Import 'lodash' in src/index.ts is not allowed: a module may import only @platform/runtime, @modules/<referenced module> or relative paths inside src/",
        file: 'src/index.ts',
        line: 2,
        column: 15,
      },
      {
        message:
          "Import '@modules/Billing' in src/index.ts is not allowed: module 'Billing' is not in the references of 'Portal'",
        file: 'src/index.ts',
        line: 3,
        column: 19,
      },
      {
        message:
          "Import '../../secrets' in src/index.ts is not allowed: a module may import only @platform/runtime, @modules/<referenced module> or relative paths inside src/",
        file: 'src/index.ts',
        line: 4,
        column: 8,
      },
    ]);
  });

  it('applies the rules to every form of import: re-exports, dynamic imports, import types and producer sub-paths', () => {
    const orders = asProducer(
      compileModule(
        job('Orders', {
          'src/index.ts': `export * from './model/order';\n`,
          'src/model/order.ts': `export interface Order { id: number }\n`,
        }),
      ),
    );
    const result = compileModule(
      job(
        'Portal',
        {
          'src/index.ts': [
            `import type { Order } from '@modules/Orders/model/order';`,
            `export * from 'left-pad';`,
            `export const later = () => import('node:fs');`,
            `export type T = import('@modules/Orders/model/missing').X;`,
            `export const o = (x: Order): number => x.id;`,
            '',
          ].join('\n'),
        },
        { references: ['Orders'], producers: { Orders: orders } },
      ),
    );
    expect(result.diagnostics.map((d) => [d.message, d.line, d.column])).toEqual([
      [
        "Import 'left-pad' in src/index.ts is not allowed: a module may import only @platform/runtime, @modules/<referenced module> or relative paths inside src/",
        2,
        15,
      ],
      [
        "Import 'node:fs' in src/index.ts is not allowed: a module may import only @platform/runtime, @modules/<referenced module> or relative paths inside src/",
        3,
        35,
      ],
      [
        "Import '@modules/Orders/model/missing' in src/index.ts: producer 'Orders' has no declaration file for 'model/missing'",
        4,
        24,
      ],
    ]);
  });

  it('reports a referenced producer without a compiled interface, a missing relative file and a missing entry point', () => {
    const noProducer = compileModule(
      job(
        'Portal',
        {
          'src/index.ts': `import { x } from '@modules/Billing';\nimport { y } from './nowhere';\nexport const a = 1;\n`,
        },
        { references: ['Billing'] },
      ),
    );
    expect(noProducer.diagnostics).toEqual([
      {
        message:
          "Producer 'Billing' is listed in the references of 'Portal' but has no compiled interface for platform 11.13.0",
      },
      {
        message: "Import './nowhere' in src/index.ts: no file src/nowhere.ts in the module",
        file: 'src/index.ts',
        line: 2,
        column: 19,
      },
    ]);
    const noEntry = compileModule(job('Empty', { 'src/main.ts': 'export {};\n' }));
    expect(noEntry.success).toBe(false);
    expect(noEntry.diagnostics[0]!.message).toBe("Module 'Empty' has no entry point: src/index.ts is missing");
  });

  it('emits ES2019 below 11.12.0 and ES2022 from 11.12.0 on', () => {
    const sources = {
      'src/index.ts': `export class Counter {\n  count = 0;\n  next(step?: number): number { return (this.count += step ?? 1); }\n}\n`,
    };
    const es2019 = compileModule(job('Counter', sources, { platformVersion: '11.11.3' })).js['src/index.js']!;
    const es2022 = compileModule(job('Counter', sources, { platformVersion: '11.12.0' })).js['src/index.js']!;
    expect(es2019).not.toContain('??');
    expect(es2019).toContain('this.count = 0;');
    expect(es2022).toContain('step ?? 1');
    expect(es2022).toMatch(/^\s+count = 0;$/m);
  });

  it('type-checks against the lib of the target and no other lib', () => {
    const usesAt = { 'src/index.ts': `export const last = (xs: number[]): number | undefined => xs.at(-1);\n` };
    expect(compileModule(job('Lists', usesAt, { platformVersion: '11.12.0' })).success).toBe(true);
    const old = compileModule(job('Lists', usesAt, { platformVersion: '11.11.3' }));
    expect(old.diagnostics[0]!.message).toContain("Property 'at' does not exist on type 'number[]'");
  });

  it('gives every module the runtime globals of spec §3', () => {
    const uses = [
      "console.log('x'); console.error(new Error('e'));",
      'const t = setTimeout(() => undefined, 10); clearTimeout(t);',
      'const i = setInterval(() => undefined, 10); clearInterval(i);',
      'queueMicrotask(() => undefined);',
      "const u = new URL('https://example.com/a?b=1'); const q: string | null = u.searchParams.get('b');",
      "const p = new URLSearchParams('a=1'); for (const [k, v] of p) console.log(k, v);",
      "const bytes: Uint8Array = new TextEncoder().encode('é'); const s: string = new TextDecoder().decode(bytes);",
      "const b64: string = btoa('hi'); const back: string = atob(b64);",
      'const c = new AbortController(); const aborted: boolean = c.signal.aborted; c.abort();',
      'const copy: { a: number } = structuredClone({ a: 1 });',
      'const ms: number = performance.now();',
    ];
    for (const kind of ['service', 'library', 'web', 'mobile'] as const) {
      for (const version of ['11.11.3', '11.13.0']) {
        uses.forEach((line, index) => {
          const result = compileModule(
            job(`G${index}`, { 'src/index.ts': `${line}\nexport {};\n` }, { kind, platformVersion: version }),
          );
          expect(result.diagnostics, `${kind} ${version}: ${line}`).toEqual([]);
        });
      }
    }
  });

  it('compiles web and mobile modules with the DOM library and the others without it', () => {
    const dom = {
      'src/index.ts': `export const title = (): string => document.title;\nexport const go = (e: MouseEvent): number => e.clientX;\n`,
    };
    expect(compileModule(job('Page', dom, { kind: 'web' })).diagnostics).toEqual([]);
    expect(compileModule(job('Page', dom, { kind: 'mobile' })).diagnostics).toEqual([]);
    const service = compileModule(job('Page', dom, { kind: 'service' }));
    expect(service.success).toBe(false);
    expect(service.diagnostics[0]).toMatchObject({ file: 'src/index.ts', line: 1, column: 36 });
    expect(service.diagnostics[0]!.message).toContain("Cannot find name 'document'.");
  });

  it('resolves a reference lib inside the set and names the library of one outside it', () => {
    const inSet = compileModule(
      job('Streams', {
        'src/index.ts': `/// <reference lib="esnext.asynciterable" />\nexport async function* count(): AsyncGenerator<number> { yield 1; }\n`,
      }),
    );
    expect(inSet.diagnostics).toEqual([]);
    const dom = compileModule(job('Dom', { 'src/index.ts': `/// <reference lib="dom" />\nexport const t = 1;\n` }));
    expect(dom.diagnostics).toEqual([
      {
        message:
          "Library 'dom' in src/index.ts is not available to 'Dom' (a service module compiles with es2022 and the runtime globals)",
        file: 'src/index.ts',
        line: 1,
        column: 21,
      },
    ]);
    const bigint = compileModule(
      job(
        'Big',
        { 'src/index.ts': `/// <reference lib="es2020.bigint" />\nexport const t = 1;\n` },
        { platformVersion: '11.11.3' },
      ),
    );
    expect(bigint.diagnostics.map((d) => d.message)).toEqual([
      "Library 'es2020.bigint' in src/index.ts is not available to 'Big' (a service module compiles with es2019 and the runtime globals)",
    ]);
    expect(
      compileModule(
        job(
          'Big',
          { 'src/index.ts': `/// <reference lib="es2020.bigint" />\nexport const t = 1;\n` },
          { platformVersion: '11.12.0' },
        ),
      ).success,
    ).toBe(true);
    expect(
      compileModule(
        job('Page', { 'src/index.ts': `/// <reference lib="dom" />\nexport const t = 1;\n` }, { kind: 'web' }),
      ).success,
    ).toBe(true);
  });

  it('refuses a triple-slash reference to anything but a file of the module itself', () => {
    const result = compileModule(
      job('Refs', {
        'src/index.ts': `/// <reference path="./types.d.ts" />\n/// <reference path="../../../__lib__/bundle.d.ts" />\n/// <reference types="node" />\nexport const t: Shape = { n: 1 };\n`,
        'src/types.d.ts': `interface Shape { n: number }\n`,
      }),
    );
    expect(result.diagnostics).toEqual([
      {
        message:
          "Reference '../../../__lib__/bundle.d.ts' in src/index.ts is not allowed: a triple-slash reference may name only a file of the module itself",
        file: 'src/index.ts',
        line: 2,
        column: 22,
      },
      {
        message:
          "Reference types 'node' in src/index.ts is not allowed: a module compiles only against @platform/runtime, its producers and its libraries",
        file: 'src/index.ts',
        line: 3,
        column: 23,
      },
    ]);
  });

  it('reports positions one-based, in UTF-16 columns, after non-ASCII text', () => {
    const result = compileModule(
      job('Pos', { 'src/index.ts': `export const café = '日本語';\n\n   export const n: number = 'x';\n` }),
    );
    expect(result.diagnostics).toEqual([
      { message: "Type 'string' is not assignable to type 'number'.", file: 'src/index.ts', line: 3, column: 17 },
    ]);
  });

  it('names the missing native compiler package instead of hanging', () => {
    const missing = new GroupCompiler({
      server: new NativeServer({ binary: { exe: '/nonexistent/tsc', libDir: '/nonexistent' } }),
    });
    const [result] = missing.compile([job('Any', { 'src/index.ts': 'export {};\n' })]);
    expect(result!.success).toBe(false);
    expect(result!.diagnostics[0]!.message).toMatch(
      new RegExp(
        `^The TypeScript ${NATIVE_COMPILER_VERSION} compiler for .* is missing: .*Install the package @typescript/typescript-${process.platform}-${process.arch}@`,
      ),
    );
    expect(() => findNativeBinary('/nonexistent')).toThrow(
      `the package @typescript/typescript-${process.platform}-${process.arch} is not installed`,
    );
  });

  it('copes with 200 files, a 1 MB file and non-ASCII identifiers, strings and file names', () => {
    const sources: Record<string, string> = {};
    const imports: string[] = [];
    for (let i = 0; i < 200; i++) {
      sources[`src/part/p${i}.ts`] = `export function f${i}(n: number): number { return n + ${i}; }\n`;
      imports.push(`export { f${i} } from './part/p${i}';`);
    }
    const rows = Array.from({ length: 40_000 }, (_, i) => `  ${i}, // row ${i} of the generated lookup table`).join(
      '\n',
    );
    sources['src/big.ts'] = `export const table: number[] = [\n${rows}\n];\n`;
    expect(sources['src/big.ts'].length).toBeGreaterThan(1_000_000);
    sources['src/données/événement.ts'] =
      `export const café = 'crème brûlée ☕ 日本語';\nexport function größe(straße: string): number { return straße.length; }\n`;
    sources['src/index.ts'] =
      `${imports.join('\n')}\nexport { table } from './big';\nexport { café, größe } from './données/événement';\n`;
    const result = compileModule(job('Grand', sources));
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.js)).toHaveLength(203);
    expect(result.js['src/données/événement.js']).toContain('crème brûlée ☕ 日本語');
    expect(result.declarations['données/événement.d.ts']).toContain('größe(straße: string): number');
  });
});

describe('computeInputHash and output determinism', () => {
  const producer = asProducer(
    compileModule(job('Lib', { 'src/index.ts': `export function twice(n: number): number { return n * 2; }\n` })),
  );
  const consumer = job(
    'App',
    { 'src/index.ts': `import { twice } from '@modules/Lib';\nexport const four = twice(2);\n` },
    { references: ['Lib'], producers: { Lib: producer } },
  );

  it('gives the same job the same hash and the same bytes', () => {
    const a = compileModule(consumer, new GroupCompiler());
    const b = compileModule(structuredClone(consumer));
    expect(a.inputHash).toBe(computeInputHash(consumer));
    expect(b.inputHash).toBe(a.inputHash);
    expect(JSON.stringify([b.js, b.declarations, b.interfaceHash])).toBe(
      JSON.stringify([a.js, a.declarations, a.interfaceHash]),
    );
  });

  it('changes with a source, a producer interface or the platform version', () => {
    const base = computeInputHash(consumer);
    expect(
      computeInputHash({ ...consumer, sources: { 'src/index.ts': consumer.sources['src/index.ts'] + '\n' } }),
    ).not.toBe(base);
    expect(computeInputHash({ ...consumer, producers: { Lib: { ...producer, interfaceHash: 'x' } } })).not.toBe(base);
    expect(computeInputHash({ ...consumer, platformVersion: '11.12.0' })).not.toBe(base);
  });

  it('is the same computed from the sources or from their stored digest, so reuse need not read them back', () => {
    const { sources, ...rest } = consumer;
    expect(computeInputHash({ ...rest, sourceHash: hashSources(sources) })).toBe(computeInputHash(consumer));
    expect(computeInputHash({ ...rest, sourceHash: hashSources({ ...sources, 'src/extra.ts': '' }) })).not.toBe(
      computeInputHash(consumer),
    );
  });

  it("does not change when a producer's implementation changes without changing its declarations", () => {
    const rewritten = compileModule(
      job('Lib', { 'src/index.ts': `export function twice(n: number): number { return n + n; }\n` }),
    );
    expect(rewritten.js).not.toEqual(
      compileModule(job('Lib', { 'src/index.ts': `export function twice(n: number): number { return n * 2; }\n` })).js,
    );
    expect(rewritten.interfaceHash).toBe(producer.interfaceHash);
    expect(computeInputHash({ ...consumer, producers: { Lib: asProducer(rewritten) } })).toBe(
      computeInputHash(consumer),
    );
  });
});
