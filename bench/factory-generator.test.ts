import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCompiler } from '../main/engine/compiler/compile-group';
import type { ModuleKind } from '../common/domain';
import type { ProducerInterface } from '../main/engine/compiler/compile-types';
import { writeDemoFactory } from '../scripts/generate-demo-factory';
import {
  computeExpectedPreparation,
  generateFactory,
  readFactory,
  writeEnvironmentJson,
  writeModule,
  type ExpectedStatus,
  type FactoryModuleInfo,
} from './factory-generator';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const DEMO_DIR = fileURLToPath(new URL('../resources/demo-factory', import.meta.url));
const temporary: string[] = [];
const compiler = new GroupCompiler();
afterAll(() => compiler.close());

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factory-generator-'));
  temporary.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** Every file under `dir`, relative path -> content. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) for (const [k, v] of snapshot(dir, path)) files.set(k, v);
    else files.set(path, readFileSync(join(dir, path), 'utf8'));
  }
  return files;
}

function sourcesOf(dir: string, m: FactoryModuleInfo): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const file of m.files) sources[`src/${file}`] = readFileSync(join(dir, 'modules', m.name, 'src', file), 'utf8');
  return sources;
}

/**
 * Compiles the published modules of a factory without cycles with the engine's compiler, producers first,
 * each against its producers' declarations, and derives the statuses a preparation would report: a module
 * whose producer did not compile is skipped, the rest prepared or failed by their own compilation.
 * (Cycles compile together; the engine's own tests and the CLI's preparation tests cover them.)
 */
function prepareWithCompiler(dir: string, modules: FactoryModuleInfo[], version: string) {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const status = new Map<string, ExpectedStatus>();
  const interfaces = new Map<string, ProducerInterface>();
  const errors = new Map<string, string[]>();
  const settle = (name: string, value: ExpectedStatus): ExpectedStatus => {
    status.set(name, value);
    return value;
  };
  const visit = (m: FactoryModuleInfo): ExpectedStatus => {
    const known = status.get(m.name);
    if (known) return known;
    if (m.state !== 'published') return settle(m.name, 'excluded');
    const producerStatuses = m.references.map((ref) =>
      byName.has(ref) ? visit(byName.get(ref) as FactoryModuleInfo) : 'skipped',
    );
    if (producerStatuses.some((s) => s !== 'prepared')) return settle(m.name, 'skipped');
    const producers: Record<string, ProducerInterface> = {};
    for (const ref of m.references) producers[ref] = interfaces.get(ref) as ProducerInterface;
    const job = {
      moduleName: m.name,
      kind: m.kind as ModuleKind,
      platformVersion: version,
      sources: sourcesOf(dir, m),
      references: m.references,
      producers,
    };
    const [result] = compiler.compile([job]);
    if (!result.success) {
      errors.set(
        m.name,
        result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`),
      );
      return settle(m.name, 'failed');
    }
    interfaces.set(m.name, { interfaceHash: result.interfaceHash as string, declarations: result.declarations });
    return settle(m.name, 'prepared');
  };
  for (const m of modules) visit(m);
  return { status: Object.fromEntries([...status].sort(([a], [b]) => (a < b ? -1 : 1))), errors };
}

describe('generateFactory', () => {
  const options = { moduleCount: 240, applicationCount: 12, maxDepth: 5, seed: 42, cycles: 2, removedApiUsers: 0.03 };
  const dir = tempDir();
  const generated = generateFactory(dir, options);

  it('writes byte-identical folders for the same seed, and different ones for another seed', () => {
    const again = tempDir();
    generateFactory(again, options);
    expect(snapshot(again)).toEqual(snapshot(dir));
    const other = tempDir();
    generateFactory(other, { ...options, seed: 43 });
    expect(snapshot(other)).not.toEqual(snapshot(dir));
  });

  it('writes the factory format: environment.json, one folder per module named as its manifest, src/index.ts', () => {
    const { environment, modules } = readFactory(dir);
    expect(environment).toEqual({ name: 'Synthetic 240', platformVersion: '11.11.3' });
    expect(modules).toHaveLength(240);
    expect(readdirSync(join(dir, 'modules')).sort()).toEqual(modules.map((m) => m.name));
    const names = new Set(modules.map((m) => m.name));
    for (const m of modules) {
      const manifest = JSON.parse(readFileSync(join(dir, 'modules', m.name, 'module.json'), 'utf8'));
      expect(Object.keys(manifest)).toEqual(['name', 'application', 'kind', 'state', 'references']);
      expect(m.name).toMatch(NAME);
      expect(m.application.length).toBeGreaterThan(0);
      expect(['web', 'mobile', 'service', 'library']).toContain(m.kind);
      expect(['published', 'uploaded', 'publish-failed']).toContain(m.state);
      expect(m.files).toContain('index.ts');
      for (const ref of m.references) expect(names.has(ref)).toBe(true);
    }
    expect(new Set(modules.map((m) => m.application)).size).toBe(12);
  });

  it('returns the modules it wrote, with exact state counts and chains as deep as asked', () => {
    const onDisk = readFactory(dir).modules;
    expect(
      generated.modules
        .map(({ name, application, kind, state, references }) => ({ name, application, kind, state, references }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    ).toEqual(
      onDisk.map(({ name, application, kind, state, references }) => ({ name, application, kind, state, references })),
    );
    const count = (state: string) => generated.modules.filter((m) => m.state === state).length;
    expect([count('uploaded'), count('publish-failed')]).toEqual([7, 5]);
    expect(generated.modules.filter((m) => m.removedApi).length).toBe(7);
    expect(Math.max(...generated.modules.map((m) => m.depth))).toBe(5);
    expect(generated.cycles.map((c) => c.length)).toEqual([2, 3]);
  });

  it('lets published modules reference only published modules', () => {
    const byName = new Map(generated.modules.map((m) => [m.name, m]));
    for (const m of generated.modules.filter((x) => x.state === 'published')) {
      for (const ref of m.references) expect(byName.get(ref)?.state, `${m.name} -> ${ref}`).toBe('published');
    }
  });

  it('imports only the runtime, referenced producers and relative files, and uses every producer it references', () => {
    const { modules } = readFactory(dir);
    let relativeImports = 0;
    for (const m of modules) {
      const sources = Object.values(sourcesOf(dir, m)).join('\n');
      const specifiers = [...sources.matchAll(/from '([^']+)'/g)].map((match) => match[1] as string);
      for (const specifier of specifiers) {
        if (specifier.startsWith('./')) relativeImports++;
        else if (specifier !== '@platform/runtime') expect(m.references).toContain(specifier.replace('@modules/', ''));
      }
      for (const ref of m.references) {
        expect(specifiers, `${m.name} imports ${ref}`).toContain(`@modules/${ref}`);
        // The import is called, not just named: a changed producer interface breaks the consumer.
        const imported = new RegExp(`import \\{ ([^}]+) \\} from '@modules/${ref}'`).exec(sources)?.[1] ?? '';
        const firstFunction = imported.split(', ').find((name) => !name.startsWith('type ')) as string;
        expect(sources).toContain(`${firstFunction}(`);
      }
    }
    expect(relativeImports).toBeGreaterThan(240);
  });

  it('expects removed-API users to fail, cycles to be prepared or fail as one, and consumers of what is not prepared to be skipped', () => {
    const expected = generated.expected;
    const byName = new Map(generated.modules.map((m) => [m.name, m]));
    for (const cycle of generated.cycles) {
      expect(new Set(cycle.map((name) => expected[name])).size).toBe(1);
      const outsideOk = cycle.every((name) =>
        byName.get(name)!.references.every((ref) => cycle.includes(ref) || expected[ref] === 'prepared'),
      );
      const usesRemoved = cycle.some((name) => byName.get(name)!.removedApi);
      expect(expected[cycle[0]]).toBe(!outsideOk ? 'skipped' : usesRemoved ? 'failed' : 'prepared');
    }
    for (const m of generated.modules) {
      const status = expected[m.name];
      if (m.state !== 'published') expect(status).toBe('excluded');
      else if (generated.cycles.some((c) => c.includes(m.name))) continue;
      else if (m.references.some((ref) => expected[ref] !== 'prepared')) expect(status).toBe('skipped');
      else expect(status).toBe(m.removedApi ? 'failed' : 'prepared');
    }
    const skippedBehindSkipped = generated.modules.filter(
      (m) =>
        expected[m.name] === 'skipped' &&
        m.references.every((ref) => expected[ref] === 'skipped' || expected[ref] === 'prepared'),
    );
    expect(skippedBehindSkipped.length).toBeGreaterThan(0);
    expect(Object.keys(expected)).toHaveLength(byName.size);
    // Reading the folder back (removed APIs found in the sources) gives the same statuses.
    expect(computeExpectedPreparation(readFactory(dir).modules)).toEqual(expected);
  });

  it('derives statuses for a hand-built chain, cycle and excluded producer; an unprepared producer means skipped', () => {
    const m = (name: string, references: string[] = [], extra: { state?: string; usesRemovedApi?: boolean } = {}) => ({
      name,
      references,
      state: extra.state ?? 'published',
      usesRemovedApi: extra.usesRemovedApi ?? false,
    });
    const expected = computeExpectedPreparation([
      m('Common'),
      m('Mailer', ['Common'], { usesRemovedApi: true }),
      m('Orders', ['Mailer']),
      m('Portal', ['Orders', 'Common']),
      m('LegacyPortal', ['Orders'], { usesRemovedApi: true }),
      m('Ping', ['Pong']),
      m('Pong', ['Ping']),
      m('PingUser', ['Common', 'Pong']),
      m('Tick', ['Tock'], { usesRemovedApi: true }),
      m('Tock', ['Tick', 'Common']),
      m('TockUser', ['Tock']),
      m('Draft', [], { state: 'uploaded' }),
      m('Broken', ['Common'], { state: 'publish-failed' }),
      m('DraftUser', ['Draft']),
      m('Self', ['Self']),
    ]);
    expect(expected).toEqual({
      Broken: 'excluded',
      Common: 'prepared',
      Draft: 'excluded',
      DraftUser: 'skipped',
      LegacyPortal: 'skipped',
      Mailer: 'failed',
      Orders: 'skipped',
      Ping: 'prepared',
      PingUser: 'prepared',
      Pong: 'prepared',
      Portal: 'skipped',
      Self: 'failed',
      Tick: 'failed',
      Tock: 'failed',
      TockUser: 'skipped',
    });
  });

  it('compiles with the engine: published modules on 11.11.3, and on 11.13.0 exactly as expected', () => {
    const small = tempDir();
    const factory = generateFactory(small, {
      moduleCount: 60,
      seed: 5,
      cycles: 0,
      removedApiUsers: 0.05,
      publishFailed: 0,
    });
    const { modules } = readFactory(small);
    // On 11.11.3 the removed APIs still exist: every published module compiles.
    const onOld = prepareWithCompiler(small, modules, '11.11.3');
    expect(Object.fromEntries(onOld.errors)).toEqual({});
    expect(onOld.status).toEqual(computeExpectedPreparation(modules.map((m) => ({ ...m, usesRemovedApi: false }))));
    expect(prepareWithCompiler(small, modules, '11.13.0').status).toEqual(factory.expected);
  }, 300_000);

  it('prepares every published module on 11.17.0 with removedApiUsers 0 and dateTextPatterns false', () => {
    const options = { moduleCount: 60, seed: 5, cycles: 0, removedApiUsers: 0, publishFailed: 0 };
    const notPrepared = (statuses: Record<string, string>) =>
      Object.entries(statuses).filter(([, status]) => status === 'failed' || status === 'skipped');
    // The same factory with the default web views formats dates with month names: 11.17.0 fails some.
    const withDateText = tempDir();
    generateFactory(withDateText, options);
    expect(
      notPrepared(computeExpectedPreparation(readFactory(withDateText).modules, '11.17.0')).length,
    ).toBeGreaterThan(0);

    const numeric = tempDir();
    generateFactory(numeric, { ...options, dateTextPatterns: false });
    const { modules } = readFactory(numeric);
    expect(modules.filter((m) => m.usesDateTextPattern)).toEqual([]);
    expect(notPrepared(computeExpectedPreparation(modules, '11.17.0'))).toEqual([]);
    const compiled = prepareWithCompiler(numeric, modules, '11.17.0');
    expect(Object.fromEntries(compiled.errors)).toEqual({});
    expect(notPrepared(compiled.status)).toEqual([]);
  }, 300_000);

  it('also writes hand-built modules for other tests', () => {
    const hand = tempDir();
    writeEnvironmentJson(hand, { name: 'Tiny', platformVersion: '11.10.0' });
    const files = writeModule(
      hand,
      { name: 'Tiny', application: 'Tests', kind: 'library', state: 'published', references: [] },
      { 'index.ts': "export * from './model/item';\n", 'model/item.ts': 'export const item = 1;\n' },
    );
    expect(files).toBe(3);
    const { environment, modules } = readFactory(hand);
    expect(environment).toEqual({ name: 'Tiny', platformVersion: '11.10.0' });
    expect(modules).toEqual([
      {
        name: 'Tiny',
        application: 'Tests',
        kind: 'library',
        state: 'published',
        references: [],
        files: ['index.ts', 'model/item.ts'],
        usesRemovedApi: false,
        usesDateTextPattern: false,
      },
    ]);
  });
});

describe('the demo factory (resources/demo-factory)', () => {
  const { environment, modules } = readFactory(DEMO_DIR);
  const fixture = JSON.parse(readFileSync(join(DEMO_DIR, 'expected-preparation.json'), 'utf8')) as {
    targetVersion: string;
    counts: Record<ExpectedStatus, number>;
    modules: Record<string, ExpectedStatus>;
  };

  it('is Acme Production on 11.11.3 with about 120 modules in 15 applications', () => {
    expect(environment).toEqual({ name: 'Acme Production', platformVersion: '11.11.3' });
    expect(modules.length).toBeGreaterThanOrEqual(110);
    expect(modules.length).toBeLessThanOrEqual(130);
    expect(new Set(modules.map((m) => m.application)).size).toBe(15);
    expect(new Set(modules.map((m) => m.kind))).toEqual(new Set(['library', 'service', 'web', 'mobile']));
    for (const m of modules) expect(m.name).toMatch(NAME);
  });

  it('has producer chains up to 5 deep and no cycles, published modules using only published producers', () => {
    const byName = new Map(modules.map((m) => [m.name, m]));
    const depth = (name: string, path: string[] = []): number => {
      expect(path, 'cycle').not.toContain(name);
      const m = byName.get(name) as FactoryModuleInfo;
      return 1 + Math.max(0, ...m.references.map((ref) => depth(ref, [...path, name])));
    };
    expect(Math.max(...modules.map((m) => depth(m.name)))).toBe(5);
    for (const m of modules.filter((x) => x.state === 'published')) {
      for (const ref of m.references) expect(byName.get(ref)?.state, `${m.name} -> ${ref}`).toBe('published');
    }
  });

  it('has an expected-preparation.json that agrees with the oracle: a few failures and their skipped consumers', () => {
    const expected = computeExpectedPreparation(modules, '11.17.0');
    expect(fixture.targetVersion).toBe('11.17.0');
    expect(fixture.modules).toEqual(expected);
    const counts = { prepared: 0, failed: 0, skipped: 0, excluded: 0 };
    for (const status of Object.values(expected)) counts[status]++;
    expect(fixture.counts).toEqual(counts);
    expect(counts.failed).toBeGreaterThanOrEqual(8);
    expect(counts.failed).toBeLessThanOrEqual(12);
    expect(counts.skipped).toBeGreaterThanOrEqual(5);
    expect(counts.skipped).toBeLessThanOrEqual(12);
    // At least one failing producer has published consumers, which are then skipped.
    const failingProducers = modules.filter(
      (m) =>
        expected[m.name] === 'failed' && modules.some((c) => c.references.includes(m.name) && c.state === 'published'),
    );
    expect(failingProducers.length).toBeGreaterThan(0);
    expect(modules.some((m) => m.name.startsWith('Draft') && m.state === 'uploaded')).toBe(true);
    expect(modules.some((m) => m.state === 'publish-failed')).toBe(true);
  });

  it('fails a few more modules on 11.17.0 than on 11.13.0: those formatting dates with month names', () => {
    const before = computeExpectedPreparation(modules, '11.13.0');
    const changed = Object.keys(before).filter((name) => before[name] !== fixture.modules[name]);
    expect(changed.length).toBeGreaterThanOrEqual(3);
    for (const name of changed) {
      expect(before[name], name).toBe('prepared');
      expect(fixture.modules[name], name).toBe('failed');
      expect(modules.find((m) => m.name === name)?.usesDateTextPattern, name).toBe(true);
    }
  });

  it('is what scripts/generate-demo-factory.ts writes today', () => {
    const fresh = tempDir();
    writeDemoFactory(fresh);
    const [wanted, current] = [snapshot(fresh), snapshot(DEMO_DIR)];
    // File names only, so a stale folder gives a readable failure: regenerate it (see the script's header).
    expect([...current.keys()]).toEqual([...wanted.keys()]);
    expect([...wanted].filter(([file, text]) => current.get(file) !== text).map(([file]) => file)).toEqual([]);
  });

  it('compiles with the engine: every published module on 11.11.3, and on 11.17.0 as expected-preparation.json says', () => {
    const onOld = prepareWithCompiler(DEMO_DIR, modules, '11.11.3');
    expect(Object.fromEntries(onOld.errors)).toEqual({});
    expect(Object.values(onOld.status).filter((s) => s !== 'prepared' && s !== 'excluded')).toEqual([]);
    const onNew = prepareWithCompiler(DEMO_DIR, modules, '11.17.0');
    expect(onNew.status).toEqual(fixture.modules);
    for (const [name, status] of Object.entries(fixture.modules)) {
      if (status === 'failed')
        expect(onNew.errors.get(name)?.join('\n'), name).toMatch(
          /sendMailLegacy|getSessionValue|setSessionValue|DatePattern/,
        );
    }
  }, 300_000);
});
