import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderModuleSources } from './module-sources';
import type { FieldSpec, ModuleApiSpec, ModuleKind, RemovedApi } from './module-spec';
import { computeExpectedPreparation, type ExpectedStatus } from './preparation-oracle';

export { computeExpectedPreparation, readFactory, usesDateTextPattern, usesRemovedApi } from './preparation-oracle';
export type { ExpectedStatus, FactoryModuleInfo, OracleModule } from './preparation-oracle';

/** The states a module.json may declare. */
export type ModuleState = 'published' | 'uploaded' | 'publish-failed';

/** The content of a module.json, fields in the order the spec shows them. */
export interface ModuleManifest {
  name: string;
  application: string;
  kind: ModuleKind;
  state: ModuleState;
  references: string[];
}

/** What a synthetic factory should look like; fractions are of `moduleCount`. */
export interface FactoryOptions {
  moduleCount: number;
  /** Default: one application per 8 modules. */
  applicationCount?: number;
  /** Longest producer chain, counted in modules (a library alone has depth 1). Default 5. */
  maxDepth?: number;
  /** Average number of .ts files per module. Default 3. */
  filesPerModule?: number;
  /** Same seed and options give byte-identical folders. Default 1. */
  seed?: number;
  /** Default '11.11.3'. */
  platformVersion?: string;
  /** Default 'Synthetic <moduleCount>'. */
  environmentName?: string;
  /** Fraction of modules only uploaded, never published. Default 0.03. */
  uploadedOnly?: number;
  /** Fraction of modules whose publication failed (half of them have a type error). Default 0.02. */
  publishFailed?: number;
  /** Fraction of modules that are published but call an API removed in 11.12.0. Default 0.01. */
  removedApiUsers?: number;
  /**
   * Whether web views format dates with month names ('d MMM yyyy'), which 11.17.0 and later refuse: those
   * modules fail there and their consumers are skipped. Default true. With false and `removedApiUsers: 0`,
   * every published module prepares on every platform version (a fully preparable environment).
   */
  dateTextPatterns?: boolean;
  /** Number of small reference cycles (2 or 3 modules) among published modules. Default 0. */
  cycles?: number;
  /** Most producers a module references. Default 3. */
  maxReferences?: number;
}

/** One module of a generated factory, as tests need to know it. */
export interface GeneratedModule extends ModuleManifest {
  removedApi?: RemovedApi;
  /** Producer chain length ending at this module, ignoring cycle edges. */
  depth: number;
}

/** What generateFactory wrote, with the statuses a preparation for 11.13.0 must end with. */
export interface GeneratedFactory {
  dir: string;
  environment: { name: string; platformVersion: string };
  modules: GeneratedModule[];
  /** The reference cycles that were added, each as its member names. */
  cycles: string[][];
  expected: Record<string, ExpectedStatus>;
  fileCount: number;
}

/** Writes DIR/environment.json. */
export function writeEnvironmentJson(dir: string, environment: { name: string; platformVersion: string }): void {
  mkdirSync(dir, { recursive: true });
  const content = { name: environment.name, platformVersion: environment.platformVersion };
  writeFileSync(join(dir, 'environment.json'), JSON.stringify(content, null, 2) + '\n');
}

/**
 * Writes DIR/modules/<name>/module.json and the given sources (paths relative to src/, e.g. 'index.ts').
 * Meant for hand-built factories in tests as much as for the generator. Returns the number of files written.
 */
export function writeModule(dir: string, manifest: ModuleManifest, files: Record<string, string>): number {
  const moduleDir = join(dir, 'modules', manifest.name);
  ensureDir(moduleDir);
  ensureDir(join(moduleDir, 'src'));
  const content: ModuleManifest = {
    name: manifest.name,
    application: manifest.application,
    kind: manifest.kind,
    state: manifest.state,
    references: manifest.references,
  };
  writeFileSync(join(moduleDir, 'module.json'), JSON.stringify(content, null, 2) + '\n');
  let written = 1;
  for (const path of Object.keys(files).sort()) {
    const target = join(moduleDir, 'src', path);
    if (path.includes('/')) mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, files[path] as string);
    written++;
  }
  return written;
}

// A plain mkdir first: a recursive one per module costs seconds over 10,000 modules.
function ensureDir(path: string): void {
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') mkdirSync(path, { recursive: true });
    else if (code !== 'EEXIST') throw error;
  }
}

/** True when `version` (x.y.z) is at or above `floor`. */
export function versionAtLeast(version: string, floor: string): boolean {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/** A small, fast, seedable PRNG (mulberry32); Math.random would break determinism. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APP_WORDS = [
  'Customers',
  'Orders',
  'Billing',
  'Inventory',
  'Shipping',
  'Hr',
  'Directory',
  'Reporting',
  'Portal',
  'Notifications',
  'Auth',
  'Catalog',
  'Payments',
  'Support',
  'Analytics',
  'Fleet',
  'Legal',
  'Marketing',
  'Procurement',
  'Quality',
];
const ROLE_WORDS: Record<ModuleKind, string[]> = {
  library: ['Lib', 'Model', 'Rules', 'Utils', 'Types'],
  service: ['Service', 'Sync', 'Jobs', 'Gateway', 'Engine'],
  web: ['Web', 'Portal', 'Admin', 'Console'],
  mobile: ['Mobile', 'App', 'Scanner'],
};
const ENTITIES = [
  'Account',
  'Ticket',
  'Invoice',
  'Shipment',
  'Product',
  'Employee',
  'Payment',
  'Contract',
  'Visit',
  'Asset',
];
const FIELD_POOL: FieldSpec[] = [
  { name: 'title', type: 'string' },
  { name: 'owner', type: 'string' },
  { name: 'amount', type: 'number' },
  { name: 'quantity', type: 'number' },
  { name: 'active', type: 'boolean' },
  { name: 'tags', type: 'string[]' },
  { name: 'createdAt', type: 'Date' },
  { name: 'status', type: 'string' },
  { name: 'priority', type: 'number' },
  { name: 'archived', type: 'boolean' },
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function shuffled(random: () => number, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

interface Blueprint extends GeneratedModule {
  layer: number;
  api: ModuleApiSpec;
  files: number;
  variant: number;
  broken: boolean;
}

/**
 * Writes a synthetic factory folder into `dir` (created if missing; existing files are overwritten, others
 * left alone, so use an empty folder) and returns what it holds plus the expected preparation statuses.
 */
export function generateFactory(dir: string, options: FactoryOptions): GeneratedFactory {
  const n = options.moduleCount;
  if (!Number.isInteger(n) || n < 1) throw new Error('moduleCount must be a positive integer');
  const random = createRandom(options.seed ?? 1);
  const maxDepth = Math.max(1, Math.min(options.maxDepth ?? 5, n));
  const appCount = Math.max(1, Math.min(options.applicationCount ?? Math.ceil(n / 8), n));
  const platformVersion = options.platformVersion ?? '11.11.3';
  const environment = { name: options.environmentName ?? `Synthetic ${n}`, platformVersion };
  const avgFiles = Math.max(1, options.filesPerModule ?? 3);
  const maxRefs = Math.max(1, options.maxReferences ?? 3);

  const apps = Array.from({ length: appCount }, (_, i) => {
    const word = APP_WORDS[i % APP_WORDS.length] as string;
    return i < APP_WORDS.length ? word : word + (Math.floor(i / APP_WORDS.length) + 1);
  });

  // States and removed-API users are exact counts, so tests can rely on them.
  const uploaded = Math.round(n * (options.uploadedOnly ?? 0.03));
  const failed = Math.round(n * (options.publishFailed ?? 0.02));
  // The first maxDepth modules form the deepest chain, so they stay published.
  const shuffledOrder = shuffled(random, n);
  const order = [...shuffledOrder.filter((i) => i >= maxDepth), ...shuffledOrder.filter((i) => i < maxDepth)];
  const states: ModuleState[] = new Array<ModuleState>(n).fill('published');
  order.forEach((index, rank) => {
    if (rank < uploaded) states[index] = 'uploaded';
    else if (rank < uploaded + failed) states[index] = 'publish-failed';
  });

  const digits = String(n).length;
  const modules: Blueprint[] = [];
  const byLayer: number[][] = Array.from({ length: maxDepth }, () => []);
  const publishedByLayer: number[][] = Array.from({ length: maxDepth }, () => []);
  const depthByName = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    // The first maxDepth modules climb one layer each, so the deepest chain always exists.
    const layer = i < maxDepth ? i : Math.floor(random() * maxDepth);
    const top = maxDepth > 1 ? layer / (maxDepth - 1) : 0;
    const kind: ModuleKind =
      layer === 0
        ? random() < 0.8
          ? 'library'
          : 'service'
        : top >= 0.75 && random() < 0.6
          ? pick(random, ['web', 'mobile'] as const)
          : pick(random, ['service', 'service', 'library', 'web'] as const);
    const application = apps[i % appCount] as string;
    const name =
      application + (ROLE_WORDS[kind][i % ROLE_WORDS[kind].length] as string) + String(i).padStart(digits, '0');
    const state = states[i] as ModuleState;
    const fields = shuffled(random, FIELD_POOL.length)
      .slice(0, 2 + Math.floor(random() * 4))
      .sort((a, b) => a - b)
      .map((k) => FIELD_POOL[k] as FieldSpec);
    const files = Math.max(1, Math.min(2 * avgFiles - 1, 1 + Math.floor(random() * (2 * avgFiles - 1))));
    const api: ModuleApiSpec = { module: name, kind, typeName: name + 'Item', entity: pick(random, ENTITIES), fields };
    const references = chooseReferences(
      random,
      layer,
      state === 'published',
      byLayer,
      publishedByLayer,
      maxRefs,
      modules,
    );
    const depth = 1 + references.reduce((max, ref) => Math.max(max, depthByName.get(ref) ?? 0), 0);
    depthByName.set(name, depth);
    modules.push({
      name,
      application,
      kind,
      state,
      references,
      depth,
      layer,
      api,
      files,
      variant: Math.floor(random() * 12),
      broken: state === 'publish-failed' && random() < 0.5,
    });
    (byLayer[layer] as number[]).push(i);
    if (state === 'published') (publishedByLayer[layer] as number[]).push(i);
  }

  const removedCount = Math.round(n * (options.removedApiUsers ?? 0.01));
  const published = modules.filter((m) => m.state === 'published');
  for (const [rank, index] of shuffled(random, published.length).slice(0, removedCount).entries()) {
    (published[index] as Blueprint).removedApi = rank % 2 === 0 ? 'sendMailLegacy' : 'getSessionValue';
  }

  const cycles = addCycles(random, options.cycles ?? 0, publishedByLayer, modules);

  const byName = new Map(modules.map((m) => [m.name, m]));
  const httpPost = versionAtLeast(platformVersion, '11.11.3');
  writeEnvironmentJson(dir, environment);
  let fileCount = 1;
  for (const m of modules) {
    const sources = renderModuleSources({
      ...m.api,
      application: m.application,
      producers: m.references.map((ref) => (byName.get(ref) as Blueprint).api),
      removedApi: m.removedApi,
      broken: m.broken,
      fileCount: m.files,
      variant: m.variant,
      dateTextPattern: options.dateTextPatterns ?? true,
      httpPost,
    });
    fileCount += writeModule(dir, m, sources);
  }

  const expected = computeExpectedPreparation(
    modules.map((m) => ({
      name: m.name,
      state: m.state,
      references: m.references,
      usesRemovedApi: m.removedApi !== undefined,
    })),
  );
  return {
    dir,
    environment,
    modules: modules.map(({ name, application, kind, state, references, removedApi, depth }) => ({
      name,
      application,
      kind,
      state,
      references,
      depth,
      ...(removedApi ? { removedApi } : {}),
    })),
    cycles,
    expected,
    fileCount,
  };
}

function chooseReferences(
  random: () => number,
  layer: number,
  publishedOnly: boolean,
  byLayer: number[][],
  publishedByLayer: number[][],
  maxRefs: number,
  modules: Blueprint[],
): string[] {
  if (layer === 0) return [];
  const pool = publishedOnly ? publishedByLayer : byLayer;
  const chosen = new Set<number>();
  // One producer from the layer just below keeps this module at its layer's depth when possible.
  const below = pool[layer - 1] as number[];
  if (below.length > 0) chosen.add(pick(random, below));
  const wanted = 1 + Math.floor(random() * maxRefs);
  for (let attempt = 0; chosen.size < wanted && attempt < wanted * 3; attempt++) {
    const candidates = pool[Math.floor(random() * layer)] as number[];
    if (candidates.length > 0) chosen.add(pick(random, candidates));
  }
  return [...chosen].sort((a, b) => a - b).map((i) => (modules[i] as Blueprint).name);
}

function addCycles(
  random: () => number,
  count: number,
  publishedByLayer: number[][],
  modules: Blueprint[],
): string[][] {
  const cycles: string[][] = [];
  const used = new Set<number>();
  for (let c = 0; c < count; c++) {
    const size = c % 2 === 0 ? 2 : 3;
    // Cycle edges stay inside one layer and other edges go strictly down, so every cycle is exactly one group.
    const layers = shuffled(random, publishedByLayer.length);
    let members: number[] = [];
    for (const layer of layers) {
      const free = (publishedByLayer[layer] as number[]).filter(
        (i) => !used.has(i) && !(modules[i] as Blueprint).removedApi,
      );
      if (free.length >= size) {
        members = shuffled(random, free.length)
          .slice(0, size)
          .map((k) => free[k] as number);
        break;
      }
    }
    if (members.length === 0) throw new Error(`not enough published modules for ${count} cycles`);
    members.forEach((index, k) => {
      used.add(index);
      const next = modules[members[(k + 1) % members.length] as number] as Blueprint;
      (modules[index] as Blueprint).references.push(next.name);
    });
    cycles.push(members.map((i) => (modules[i] as Blueprint).name));
  }
  return cycles;
}
