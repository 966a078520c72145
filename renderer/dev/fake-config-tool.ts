/**
 * DEV ONLY: a fake `window.configTool` with realistic data, to look at the screens
 * without a backend. Never imported by production code.
 * URL parameters: ?scenario=pending|running|errors|finished|failed&modules=120
 */
import type {
  Channel,
  ConfigToolApi,
  EventName,
  EventPayloads,
  InvokeResult,
  ProgressUpdate,
  ResponseOf,
  SharedCacheState,
} from '../../common/contract';
import type {
  EnvironmentStatus,
  LogLine,
  ModuleConsoleStatus,
  ModuleDetail,
  ModuleKind,
  ModulePreparationStatus,
  ModuleRow,
  PreparationProgress,
  RunSummary,
  StatusCounts,
  UpgradeStep,
} from '../../common/domain';
import { encodeModuleRows } from '../../common/module-list';

const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? 'running';
const moduleCount = Number(params.get('modules') ?? 120);
const APPS = [
  'Customers',
  'Billing',
  'Directory',
  'Orders',
  'Portal',
  'Inventory',
  'HR Self-Service',
  'Field Service',
  'Analytics',
  'Common',
];
const KINDS: ModuleKind[] = ['web', 'mobile', 'service', 'library'];
const WORDS = [
  'Core',
  'Lib',
  'Api',
  'Portal',
  'Sync',
  'Reports',
  'Admin',
  'Mobile',
  'Theme',
  'Auth',
  'Audit',
  'Widgets',
];

const listeners = new Map<EventName, Set<(p: unknown) => void>>();
function emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
  listeners.get(event)?.forEach((l) => l(payload));
}

const modules: ModuleRow[] = Array.from({ length: moduleCount }, (_, i) => {
  const app = APPS[i % APPS.length].replace(/[^A-Za-z]/g, '');
  return {
    name:
      i < 3
        ? ['Directory', 'CommonLib', 'AuditLib'][i]
        : `${app}${WORDS[i % WORDS.length]}${Math.floor(i / WORDS.length) || ''}`,
    application: APPS[i % APPS.length],
    kind: KINDS[i % 4],
    state: i % 17 === 5 ? 'uploaded' : 'published',
    runningVersion: i % 17 === 5 ? null : '11.11.3',
    status: i % 17 === 5 ? 'excluded' : 'pending',
  } as ModuleRow;
});
const eligible = modules.filter((m) => m.status !== 'excluded');
const fate = (i: number): ModuleConsoleStatus => (i % 23 === 7 ? 'failed' : i % 31 === 11 ? 'skipped' : 'prepared');

let settings = { parallelCompilations: 8, moduleTimeLimitSeconds: 120, defaultParallelCompilations: 8 };
let platformVersion = '11.11.3';
let lastUpgradeFailure: EnvironmentStatus['lastUpgradeFailure'] = null;
let runs: RunSummary[] = [
  {
    id: 1,
    kind: 'upgrade',
    fromVersion: '11.10.0',
    toVersion: '11.11.3',
    status: 'finished',
    startedAt: '2025-09-02T09:12:00Z',
    finishedAt: '2025-09-02T09:31:00Z',
    startedBy: 'admin@acme',
    retryOf: null,
    total: eligible.length,
    counts: {
      pending: 0,
      compiling: 0,
      prepared: eligible.length - 2,
      failed: 1,
      skipped: 1,
      excluded: modules.length - eligible.length,
    },
  },
];
let progress: PreparationProgress | null = null;
let cursor = 0;
let startedAtMs = 0;
let logSeq = 0;
const log: LogLine[] = [];

function line(text: string, level: LogLine['level'] = 'info') {
  const entry = { at: new Date().toISOString(), level, text };
  log.push(entry);
  logSeq++;
  return entry;
}

// Coalesced progress, as the service sends it (common/contract.ts, ProgressUpdate).
let workId = 1;
let updateSeq = 0;
let sentLines = 0;

function sendUpdate(modulesChanged: { name: string; status: ModulePreparationStatus }[] = []) {
  emit('preparation.update', {
    full: false,
    workId,
    seq: ++updateSeq,
    progress: snapshot(),
    log: { from: sentLines, lines: log.slice(sentLines) },
    modules: modulesChanged,
  });
  sentLines = log.length;
}

function fullState(): ProgressUpdate {
  return {
    full: true,
    workId,
    seq: updateSeq,
    progress: snapshot(),
    log: { from: 0, lines: log.slice() },
    modules: [],
  };
}

function steps(phase: number, prepStatus: UpgradeStep['status'] = 'pending'): UpgradeStep[] {
  const defs: [UpgradeStep['id'], string][] = [
    ['backup', 'Back up the environment database'],
    ['migrate', 'Upgrade the platform database'],
    ['system-components', 'Publish the new system components'],
    ['switch-version', 'Switch the environment to the new version'],
    ['prepare-modules', 'Prepare the modules for the new version'],
  ];
  return defs.map(([id, title], i) => ({
    id,
    title,
    status:
      i < phase
        ? id === 'system-components'
          ? 'warning'
          : 'done'
        : i === phase
          ? id === 'prepare-modules'
            ? prepStatus
            : 'running'
          : 'pending',
    detail:
      id === 'system-components' && i < phase
        ? '2 deprecated system APIs are still used: sendMailLegacy (4 modules).'
        : id === 'migrate' && i < phase
          ? 'Schema 14 → 17 in 2.1 s.'
          : null,
  }));
}

function counts(): StatusCounts {
  const c: StatusCounts = {
    pending: 0,
    compiling: 0,
    prepared: 0,
    failed: 0,
    skipped: 0,
    excluded: modules.length - eligible.length,
  };
  for (const m of eligible) c[m.status as keyof StatusCounts]++;
  return c;
}

function activeRun(): RunSummary | null {
  return progress && (progress.status === 'running' || progress.status === 'upgrading')
    ? (runs.find((r) => r.id === progress!.runId) ?? null)
    : null;
}

function status(): EnvironmentStatus {
  const active = activeRun();
  return {
    location: '/var/lib/platform/environments/acme-production',
    name: 'Acme Production',
    platformVersion,
    installedVersion: '11.17.0',
    availableVersions: ['11.10.0', '11.11.3', '11.12.0', '11.13.0', '11.17.0'],
    upgradePending: platformVersion !== '11.17.0',
    installedVersionLock: 'progressive',
    upgradeWarning: null,
    currentGroup: null,
    preparedNotDeployed: modules.filter((m) => m.status === 'prepared' && m.runningVersion !== platformVersion).length,
    settings,
    moduleCount: modules.length,
    applicationCount: APPS.length,
    preparableModuleCount: eligible.length,
    newerUploads: [],
    activeRun: active,
    latestRun: runs[runs.length - 1] ?? null,
    lock: active
      ? {
          operation: 'preparation',
          runId: active.id,
          holder: 'service@host',
          startedAt: active.startedAt,
          heartbeatAt: new Date().toISOString(),
        }
      : null,
    lastUpgradeFailure,
  };
}

function snapshot(): PreparationProgress | null {
  if (!progress) return null;
  const c = counts();
  const done = c.prepared + c.failed + c.skipped;
  const run = runs.find((r) => r.id === progress!.runId);
  if (run) Object.assign(run, { counts: c });
  progress = {
    ...progress,
    counts: c,
    elapsedMs:
      progress.status === 'running' || progress.status === 'upgrading' ? Date.now() - startedAtMs : progress.elapsedMs,
    percent: progress.total ? (done / progress.total) * 100 : 0,
    estimatedFinishAt:
      done > 5 && progress.status === 'running'
        ? new Date(Date.now() + ((Date.now() - startedAtMs) / done) * (progress.total - done)).toISOString()
        : null,
    compilingNow: eligible.filter((m) => m.status === 'compiling').map((m) => m.name),
  };
  return progress;
}

function startRun(kind: 'upgrade' | 'prepare', upgrading: boolean) {
  const id = runs.length + 1;
  startedAtMs = Date.now();
  runs = [
    ...runs,
    {
      id,
      kind,
      fromVersion: '11.11.3',
      toVersion: '11.17.0',
      status: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      startedBy: 'admin@acme',
      retryOf: kind === 'prepare' ? id - 1 : null,
      total: eligible.length,
      counts: counts(),
    },
  ];
  progress = {
    runId: id,
    upgrading,
    fromVersion: '11.11.3',
    toVersion: '11.17.0',
    status: upgrading ? 'upgrading' : 'running',
    steps: upgrading ? steps(0) : steps(4, 'running'),
    total: eligible.length,
    counts: counts(),
    compilingNow: [],
    startedAt: new Date().toISOString(),
    elapsedMs: 0,
    estimatedFinishAt: null,
    percent: 0,
  };
  cursor = 0;
}

let phase = 0;
function tick() {
  if (!progress || (progress.status !== 'running' && progress.status !== 'upgrading')) return;
  const newLines: LogLine[] = [];
  const changed: { name: string; status: ModulePreparationStatus }[] = [];
  if (progress.status === 'upgrading') {
    phase++;
    const titles = progress.steps.map((s) => s.title);
    newLines.push(line(`${titles[phase - 1]}: done`));
    if (phase >= 4) {
      platformVersion = '11.17.0';
      progress = { ...progress, status: 'running', steps: steps(4, 'running') };
      newLines.push(
        line(
          `Preparing ${eligible.length} modules for 11.17.0 with ${settings.parallelCompilations} parallel compilations`,
        ),
      );
      emit('environment.changed', status());
    } else {
      progress = { ...progress, steps: steps(phase) };
    }
  } else {
    for (const m of eligible)
      if (m.status === 'compiling') {
        const i = modules.indexOf(m);
        m.status = fate(i);
        changed.push({ name: m.name, status: m.status as ModulePreparationStatus });
        if (m.status === 'failed')
          newLines.push(
            line(`Module ${m.name} failed: src/index.ts:12:5 Property 'sendMailLegacy' does not exist`, 'error'),
          );
        if (m.status === 'skipped')
          newLines.push(line(`Module ${m.name} skipped: its producer CommonLib is not prepared`, 'warning'));
      }
    for (let k = 0; k < 3 && cursor < eligible.length; k++, cursor++) {
      const m = eligible[cursor];
      if (m.status !== 'pending') continue;
      m.status = 'compiling';
      changed.push({ name: m.name, status: 'compiling' });
      newLines.push(line(`Compiling module ${cursor + 1} of ${eligible.length}: ${m.name}`));
    }
    if (cursor >= eligible.length && !eligible.some((m) => m.status === 'compiling')) {
      const c = counts();
      const warn = c.failed + c.skipped > 0;
      progress = {
        ...progress,
        status: 'finished',
        steps: steps(5).map((s) => (s.id === 'prepare-modules' ? { ...s, status: warn ? 'warning' : 'done' } : s)),
      };
      runs = runs.map((r) =>
        r.id === progress!.runId ? { ...r, status: 'finished', finishedAt: new Date().toISOString(), counts: c } : r,
      );
      newLines.push(
        line(
          `Preparation finished: ${c.prepared} prepared, ${c.failed} failed, ${c.skipped} skipped`,
          warn ? 'warning' : 'info',
        ),
      );
      emit('environment.changed', status());
    }
  }
  sendUpdate(changed);
}

// Scenarios.
if (scenario === 'running' || scenario === 'errors' || scenario === 'finished') {
  platformVersion = '11.17.0';
  startRun('upgrade', false);
  progress!.steps = steps(4, 'running');
  const upto = scenario === 'running' ? Math.floor(eligible.length * 0.35) : eligible.length;
  for (let k = 0; k < upto; k++) {
    const m = eligible[k];
    m.status = scenario === 'finished' ? 'prepared' : fate(modules.indexOf(m));
    line(`Compiling module ${k + 1} of ${eligible.length}: ${m.name}`);
  }
  cursor = upto;
  startedAtMs = Date.now() - 95_000;
  if (scenario !== 'running') {
    const c = counts();
    const warn = c.failed + c.skipped > 0;
    progress = {
      ...progress!,
      status: 'finished',
      elapsedMs: 412_000,
      steps: steps(5).map((s) =>
        s.id === 'prepare-modules'
          ? {
              ...s,
              status: warn ? 'warning' : 'done',
              detail: `${c.prepared} prepared, ${c.failed} failed, ${c.skipped} skipped`,
            }
          : s,
      ),
    };
    runs = runs.map((r) =>
      r.id === progress!.runId ? { ...r, status: 'finished', finishedAt: new Date().toISOString(), counts: c } : r,
    );
  }
  snapshot();
}
if (scenario === 'failed') {
  lastUpgradeFailure = {
    at: '2025-11-26T08:14:00Z',
    toVersion: '11.17.0',
    step: 'Upgrade the platform database',
    message: 'Migration 016 failed: disk full (SQLITE_FULL). The backup was restored.',
  };
}
setInterval(tick, Number(params.get('tick') ?? 200));

function detail(name: string): ModuleDetail {
  const row = modules.find((m) => m.name === name);
  if (!row) throw { code: 'not-found', message: `There is no module '${name}' in this environment.` };
  const failed = row.status === 'failed';
  const skipped = row.status === 'skipped';
  return {
    ...row,
    references: name === 'CommonLib' ? [] : ['CommonLib', 'AuditLib'],
    consumers: name === 'CommonLib' ? ['Directory', 'BillingCore', 'OrdersApi'] : [],
    environmentVersion: platformVersion,
    waitingFor: skipped ? ['CommonLib'] : [],
    publishFailure: null,
    preparedForCurrentVersion: row.status === 'prepared' || row.status === 'compiling',
    statusMessage: failed
      ? 'Its compilation for 11.17.0 has errors.'
      : skipped
        ? 'It was skipped because its producer CommonLib is not prepared.'
        : row.status === 'pending'
          ? 'It waits for its turn in the running preparation.'
          : null,
    errors: failed
      ? [
          {
            message:
              "Property 'sendMailLegacy' does not exist on type 'typeof import(\"@platform/runtime\")'. Did you mean 'sendMail'?",
            file: 'src/notify.ts',
            line: 12,
            column: 5,
          },
          {
            message:
              "Argument of type 'string' is not assignable to parameter of type '{ to: string; subject: string; body: string; }'.",
            file: 'src/index.ts',
            line: 40,
            column: 17,
          },
        ]
      : skipped
        ? [{ message: 'Skipped: the producer CommonLib is not prepared.' }]
        : [],
    lastRunId: progress?.runId ?? null,
    durationMs: row.status === 'prepared' ? 812 : null,
    publishBlockedReason:
      row.status === 'pending' ? 'Waiting for producer CommonLib (being prepared in the modules preparation).' : null,
    deleteBlockedReason: null,
    preparedOutdated: null,
    versions: {
      running: row.runningVersion ? 3 : null,
      published: 3,
      prepared: row.status === 'prepared' ? 3 : null,
      latest: name === 'CommonLib' ? 4 : 3,
      newerUpload: name === 'CommonLib',
    },
  };
}

function lockRefusal(op: string) {
  const run = activeRun();
  if (!run) return null;
  return {
    code: 'refused-by-lock',
    message: `${op} was refused: the preparation lock is held by the modules preparation (run #${run.id}) started by ${run.startedBy} at ${new Date(run.startedAt).toLocaleTimeString()}. Try again when it finishes.`,
  };
}

const handlers: { [C in Channel]: (req: never) => ResponseOf<C> } = {
  'environment.status': () => status(),
  'settings.save': (req: { parallelCompilations: number; moduleTimeLimitSeconds: number }) => {
    settings = { ...settings, ...req };
    return status();
  },
  'upgrade.start': () => {
    phase = 0;
    startRun('upgrade', true);
    log.length = 0;
    workId++;
    updateSeq = 0;
    sentLines = 0;
    line('Upgrade of Acme Production from 11.11.3 to 11.17.0 started');
    sendUpdate();
    return { upgradeStarted: true, toVersion: '11.17.0' };
  },
  'preparation.state': () => fullState(),
  'preparation.retry': () => {
    for (const m of eligible) if (m.status === 'failed' || m.status === 'skipped') m.status = 'pending';
    startRun('prepare', false);
    return { runId: progress!.runId! };
  },
  'runs.list': () => [...runs].reverse(),
  // The dev fake has no readiness check: the section offers Check now, which says so.
  'readiness.state': () => ({ targetVersion: '11.17.0', latest: null, running: null }),
  'readiness.check': () => {
    throw { code: 'not-available', message: 'The development fake does not run readiness checks.' };
  },
  'readiness.cancel': () => ({ cancelling: false }),
  'modules.list': (req: { first?: number }) => encodeModuleRows(modules.slice(0, req.first ?? modules.length)),
  'modules.detail': (req: { name: string }) => detail(req.name),
  'preparation.deployPrepared': () => {
    const prepared = modules.filter((m) => m.status === 'prepared' && m.runningVersion !== platformVersion);
    for (const m of prepared) m.runningVersion = platformVersion;
    return { platformVersion, deployed: prepared.map((m) => m.name), alreadyRunning: 0, notPrepared: [], damaged: [] };
  },
  'modules.publish': (req: { names: string[] }) => {
    const refusal = lockRefusal(`Publish of ${req.names.join(', ')}`);
    if (refusal) throw refusal;
    return { published: req.names, reusedPrepared: req.names, damaged: [], failed: [] };
  },
  'modules.delete': (req: { name: string }) => {
    const refusal = lockRefusal(`Delete of module ${req.name}`);
    if (refusal) throw refusal;
    const i = modules.findIndex((m) => m.name === req.name);
    modules.splice(i, 1);
    return { deleted: req.name };
  },
  'configuration.apply': () => {
    const refusal = lockRefusal('Apply configurations');
    if (refusal) throw refusal;
    return { applied: ['Billing.InvoicePrefix'] };
  },
  'report.export': (req: { format: string; runId?: number }) => ({
    fileName: `preparation-report-run-${req.runId ?? progress?.runId ?? 1}.${req.format === 'junit' ? 'xml' : req.format}`,
    mimeType: 'text/plain',
    content: params.get('host') === 'electron' ? null : `fake ${req.format} report`,
    savedTo: params.get('host') === 'electron' ? `/home/admin/Documents/preparation-report.${req.format}` : null,
  }),
  'sharedCache.state': () => ({ ...sharedCache }),
  'sharedCache.save': (req: { mode: SharedCacheState['mode']; url: string; team: string; token?: string }) => {
    sharedCache = {
      ...sharedCache,
      mode: req.mode,
      url: req.url,
      team: req.team,
      tokenSet: sharedCache.tokenSet || !!req.token,
    };
    return { ...sharedCache };
  },
  'sharedCache.test': (req: { mode: string; url: string }) =>
    req.mode === 'off'
      ? { lines: [], problem: 'The shared cache is off.' }
      : { lines: [`Reached ${req.url}: a Turborepo remote cache.`, 'Token accepted for team acme.'], problem: null },
  'window.open': () => ({ opened: true }),
  'app.exit': () => ({ exiting: false }),
};

/** The fake's shared cache section state. */
let sharedCache: SharedCacheState = {
  mode: 'off',
  url: '',
  team: '',
  overriddenBy: [],
  tokenSet: false,
  signingKeySet: false,
  lastRun: null,
  secretsKeptIn: "the desktop app's safe storage",
};

/** The fake API object. */
export const fakeConfigTool: ConfigToolApi = {
  host: params.get('host') === 'electron' ? 'electron' : 'browser',
  async invoke<C extends Channel>(channel: C, request: unknown): Promise<InvokeResult<ResponseOf<C>>> {
    await new Promise((r) => setTimeout(r, 30));
    try {
      const value = (handlers[channel] as (req: unknown) => ResponseOf<C>)(request);
      return { ok: true, value: structuredClone(value) };
    } catch (error) {
      return { ok: false, error: error as { code: string; message: string } };
    }
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (p: unknown) => void);
    return () => set.delete(listener as (p: unknown) => void);
  },
};

window.configTool = fakeConfigTool;
void logSeq;
