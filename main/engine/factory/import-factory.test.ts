import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFactory, type GeneratedFactory } from '../../../test-support/generated-factory';
import { findCycles } from '../compilation/dependency-graph';
import { GroupCompiler } from '../compiler/compile-group';
import type { CompileJob, ProducerInterface } from '../compiler/compile-types';
import { createNodeWorkerSpawner } from '../process/worker-spawner';
import { importFactory, type ImportSummary } from './import-factory';
import { readFactory, type FactoryModule } from './read-factory';

interface Stored {
  name: string;
  outcome: 'success' | 'failed';
  artifactId: number | null;
  inputHash: string | null;
  success: number | null;
  interfaceHash: string | null;
  js: string | null;
  declarations: string | null;
  diagnostics: string | null;
}

let workDir: string;
let factory: GeneratedFactory;
let modules: FactoryModule[];
let summary: ImportSummary;
let stored: Map<string, Stored>;
/** Each module's stored source files, by module name. */
let storedSources: Map<string, Record<string, string>>;

/** Published modules that do not compile on the factory's version, each in its own way. */
const BROKEN: Record<string, string> = {
  typeError: "\nexport const broken: number = 'not a number';\n",
  notReferenced: "\nimport { nothing } from '@modules/NotAReference';\nexport const viaOther = nothing;\n",
  implicitAny: '\nexport function untyped(value) {\n  return value;\n}\n',
};

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-import-'));
  const factoryDir = path.join(workDir, 'factory');
  factory = generateFactory(factoryDir, { moduleCount: 80, seed: 5, cycles: 2, publishFailed: 0.05 });
  // Break producers with a few consumers, so those are not compiled at all and the rest are.
  const consumers = (name: string) => factory.modules.filter((module) => module.references.includes(name)).length;
  const published = factory.modules.filter((module) => {
    const count = consumers(module.name);
    return module.state === 'published' && count >= 1 && count <= 2;
  });
  Object.values(BROKEN).forEach((text, index) => {
    const module = published[index * 3]!;
    fs.appendFileSync(path.join(factoryDir, 'modules', module.name, 'src', 'index.ts'), text);
  });
  modules = readFactory(factoryDir, { isKnownVersion: () => true }).modules;
  summary = await importFactory(path.join(workDir, 'env'), factoryDir, { spawner: createNodeWorkerSpawner() });
  const db = new Database(path.join(workDir, 'env', 'environment.db'), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT m.name, p.outcome, p.artifact_id AS artifactId, a.input_hash AS inputHash, a.success,
                a.interface_hash AS interfaceHash, a.js_json AS js, a.declarations_json AS declarations,
                a.diagnostics_json AS diagnostics
         FROM publications p JOIN modules m ON m.id = p.module_id LEFT JOIN artifacts a ON a.id = p.artifact_id`,
      )
      .all() as Stored[];
    stored = new Map(rows.map((row) => [row.name, row]));
    storedSources = new Map();
    const files = db
      .prepare(
        `SELECT m.name, s.path, s.content FROM module_sources s
         JOIN module_versions v ON v.id = s.module_version_id JOIN modules m ON m.id = v.module_id`,
      )
      .all() as { name: string; path: string; content: string }[];
    for (const file of files)
      storedSources.set(file.name, { ...storedSources.get(file.name), [file.path]: file.content });
  } finally {
    db.close();
  }
}, 180_000);

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('import of a generated factory', () => {
  it('deploys what compiles and records the rest as publish-failed, with the reason', () => {
    const published = modules.filter((module) => module.state === 'published');
    expect(summary.published + summary.publishFailed.length).toBe(published.length);
    expect(summary.publishFailed.length).toBeGreaterThanOrEqual(Object.keys(BROKEN).length);
    // Some consumers of a broken producer are not compiled: publish-failed naming that producer.
    const notCompiled = summary.publishFailed.filter((failed) => stored.get(failed.name)!.artifactId === null);
    expect(notCompiled.length).toBeGreaterThan(0);
    for (const failed of notCompiled) expect(failed.errors[0]!.message).toMatch(/^Its producer '\w+' /);
    for (const module of published) {
      const row = stored.get(module.name)!;
      const failed = summary.publishFailed.find((entry) => entry.name === module.name);
      expect(row.outcome).toBe(failed ? 'failed' : 'success');
    }
  });

  it('stores for every compiled module what compiling it alone gives: status, diagnostics, input hash and bytes', () => {
    const byName = new Map(modules.map((module) => [module.name, module]));
    const published = modules.filter((module) => module.state === 'published');
    const cycleOf = new Map<string, string[]>();
    for (const cycle of findCycles(published)) for (const name of cycle) cycleOf.set(name, cycle);
    /** A producer's interface as the import stored it (null when it did not compile). */
    const interfaceOf = (name: string): ProducerInterface | null => {
      const row = stored.get(name);
      if (!row?.success) return null;
      return {
        interfaceHash: row.interfaceHash!,
        declarations: JSON.parse(row.declarations!) as Record<string, string>,
      };
    };
    /** Every producer a module sees, transitively (declarations import their own producers), siblings excluded. */
    const producersOf = (module: FactoryModule, siblings: Set<string>): Record<string, ProducerInterface> => {
      const producers: Record<string, ProducerInterface> = {};
      const queue = [...module.references];
      while (queue.length > 0) {
        const name = queue.shift()!;
        if (name in producers || siblings.has(name)) continue;
        const found = interfaceOf(name);
        if (!found) continue;
        producers[name] = found;
        queue.push(...byName.get(name)!.references);
      }
      return producers;
    };

    const compiler = new GroupCompiler();
    let compared = 0;
    let failedCompared = 0;
    try {
      for (const module of published) {
        const row = stored.get(module.name)!;
        if (row.artifactId === null) continue; // not compiled: a producer failed
        const members = cycleOf.get(module.name) ?? [module.name];
        const siblings = new Set(members);
        const group: CompileJob[] = members.map((name) => {
          const member = byName.get(name)!;
          return {
            moduleName: name,
            kind: member.kind,
            platformVersion: factory.environment.platformVersion,
            sources: member.sources,
            references: member.references,
            producers: producersOf(member, siblings),
          };
        });
        const result = compiler.compile(group)[members.indexOf(module.name)]!;
        expect(result.inputHash, module.name).toBe(row.inputHash);
        expect(result.success ? 1 : 0, module.name).toBe(row.success);
        expect(result.interfaceHash, module.name).toBe(row.interfaceHash);
        expect(JSON.stringify(result.js), module.name).toBe(row.js);
        expect(JSON.stringify(result.declarations), module.name).toBe(row.declarations);
        expect(JSON.stringify(result.diagnostics), module.name).toBe(row.diagnostics);
        compared++;
        if (!result.success) failedCompared++;
      }
    } finally {
      compiler.close();
    }
    expect(compared).toBeGreaterThan(30);
    expect(failedCompared).toBeGreaterThanOrEqual(Object.keys(BROKEN).length);
  });

  it("stores every module's source files as the factory gives them, compiled or not", () => {
    // They are written between compile results (storeSources): all of them, the last turn's included.
    expect(modules.length).toBeGreaterThan(64);
    for (const module of modules) expect(storedSources.get(module.name), module.name).toEqual(module.sources);
  });

  it('leaves nothing behind when the factory is invalid, not even the --env folder', async () => {
    const broken = path.join(workDir, 'broken-factory');
    fs.cpSync(path.join(workDir, 'factory'), broken, { recursive: true });
    fs.rmSync(path.join(broken, 'modules', modules[0]!.name, 'src', 'index.ts'));
    const env = path.join(workDir, 'never-created');
    await expect(importFactory(env, broken, { spawner: createNodeWorkerSpawner() })).rejects.toThrow(
      /src\/index\.ts: is missing/,
    );
    expect(fs.existsSync(env)).toBe(false);
  });
});
