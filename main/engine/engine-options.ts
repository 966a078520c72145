/**
 * The engine's process-wide options, typed and validated once at a process's entry
 * point (CLI, service process): the lock lease's timings, and the test-only faults.
 * Engine code reads them from its context, never from environment variables.
 */
export interface EngineOptions {
  lease: LeaseTimings;
  /** Test-only faults; empty in production. */
  faults: TestFaults;
}

/** How long a lease lives without a heartbeat, and how often its holder renews it. */
export interface LeaseTimings {
  ttlMs: number;
  heartbeatMs: number;
}

/** Faults tests inject through real processes; see `engineOptionsFromEnvironment`. */
export interface TestFaults {
  /** Upgrade steps that throw. */
  failSteps: ReadonlySet<string>;
  /** Upgrade steps where the process kills itself, as a power cut would. */
  crashSteps: ReadonlySet<string>;
  /** Upgrade steps that take this much longer (ms), as on a large database or a slow disk. */
  delaySteps: ReadonlyMap<string, number>;
  /** Every lease heartbeat throws, as with a busy database or a full disk. */
  heartbeatFails: boolean;
  /** Modules a preparation holds in its current group until `<environment>/test-release-<Module>` exists. */
  holdModules: ReadonlySet<string>;
  /** Modules a publish holds, before compiling, until `<environment>/test-release-publish-<Module>` exists. */
  publishHoldModules: ReadonlySet<string>;
  /** Pages the environment database may still grow by once opened, then writes fail as on a full disk; null: no limit. */
  databaseExtraPages: number | null;
}

export const DEFAULT_LEASE_TIMINGS: LeaseTimings = { ttlMs: 15_000, heartbeatMs: 3_000 };

const NO_FAULTS: TestFaults = {
  failSteps: new Set(),
  crashSteps: new Set(),
  delaySteps: new Map(),
  heartbeatFails: false,
  holdModules: new Set(),
  publishHoldModules: new Set(),
  databaseExtraPages: null,
};

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { lease: DEFAULT_LEASE_TIMINGS, faults: NO_FAULTS };

/** The variable tests set on the processes they start; nothing else turns these on. */
export const TEST_FAULTS_VARIABLE = 'CONFIG_TOOL_TEST_FAULTS';

/**
 * The one place that reads the test seam, `CONFIG_TOOL_TEST_FAULTS`, a comma list:
 * `upgrade-fail:STEP`, `upgrade-crash:STEP`, `upgrade-delay:STEP:MS`, `lease-ttl-ms:MS`,
 * `heartbeat-ms:MS`, `heartbeat-fail`, `prepare-hold:MODULE`, `publish-hold:MODULE`, `db-max-pages:N` (the compiler workers' items, such as
 * `crash:MODULE`, are read by `compilerWorkerFaultsFromEnvironment`). Without it: the defaults.
 */
export function engineOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): EngineOptions {
  const items = (env[TEST_FAULTS_VARIABLE] ?? '').split(',').filter(Boolean);
  if (items.length === 0) return DEFAULT_ENGINE_OPTIONS;
  const lease = { ...DEFAULT_LEASE_TIMINGS };
  const failSteps = new Set<string>();
  const crashSteps = new Set<string>();
  const delaySteps = new Map<string, number>();
  let heartbeatFails = false;
  const holdModules = new Set<string>();
  const publishHoldModules = new Set<string>();
  let databaseExtraPages: number | null = null;
  for (const item of items) {
    const [kind, ...args] = item.split(':');
    if (kind === 'upgrade-fail') failSteps.add(args[0]);
    else if (kind === 'upgrade-crash') crashSteps.add(args[0]);
    else if (kind === 'upgrade-delay') delaySteps.set(args[0], positive(item, args[1]));
    else if (kind === 'lease-ttl-ms') lease.ttlMs = positive(item, args[0]);
    else if (kind === 'heartbeat-ms') lease.heartbeatMs = positive(item, args[0]);
    else if (kind === 'heartbeat-fail') heartbeatFails = true;
    else if (kind === 'prepare-hold') holdModules.add(args[0]);
    else if (kind === 'publish-hold') publishHoldModules.add(args[0]);
    else if (kind === 'db-max-pages') databaseExtraPages = nonNegative(item, args[0]);
  }
  return {
    lease,
    faults: { failSteps, crashSteps, delaySteps, heartbeatFails, holdModules, publishHoldModules, databaseExtraPages },
  };
}

/** What a compiler worker can be told to do to a module before compiling it (tests only). */
export type CompilerWorkerFault = 'crash' | 'hang' | 'server-dies' | 'server-dies-once';

const COMPILER_WORKER_FAULTS: readonly string[] = ['crash', 'hang', 'server-dies', 'server-dies-once'];

/**
 * A compiler worker's items of the same variable: `crash|hang|server-dies|server-dies-once:MODULE`
 * (the worker exits, hangs, or kills its native server before compiling that module: every time,
 * or the first time) and `delay:MS` (every compilation takes that much longer, so end-to-end specs
 * can act mid-run).
 */
export function compilerWorkerFaultsFromEnvironment(env: NodeJS.ProcessEnv = process.env): {
  modules: Map<string, CompilerWorkerFault>;
  delayMs: number;
} {
  const modules = new Map<string, CompilerWorkerFault>();
  let delayMs = 0;
  for (const item of (env[TEST_FAULTS_VARIABLE] ?? '').split(',')) {
    const [kind, name] = item.split(':').map((part) => part.trim());
    if (kind === 'delay' && name && /^\d+$/.test(name)) delayMs = Number(name);
    else if (COMPILER_WORKER_FAULTS.includes(kind) && name) modules.set(name, kind as CompilerWorkerFault);
  }
  return { modules, delayMs };
}

function nonNegative(item: string, value: string | undefined): number {
  return value === '0' ? 0 : positive(item, value);
}

function positive(item: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${TEST_FAULTS_VARIABLE}: bad item '${item}'`);
  return number;
}
