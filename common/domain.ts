/**
 * Domain types shared by the engine, the hosts and the renderer. Plain data only:
 * everything here crosses a process boundary (IPC, WebSocket, utility-process ports).
 */

/** Statuses of a module inside a preparation run (spec §5). */
export const MODULE_PREPARATION_STATUSES = ['pending', 'compiling', 'prepared', 'failed', 'skipped'] as const;
export type ModulePreparationStatus = (typeof MODULE_PREPARATION_STATUSES)[number];

/**
 * How a module looks in the environment console: its status in the latest run for the
 * environment's version, or `up-to-date` (it runs the environment's version: nothing to
 * prepare), `not-prepared` (published, but no compilation for the environment's version
 * yet) or `excluded` (never published with success: no preparation includes it).
 */
export type ModuleConsoleStatus = ModulePreparationStatus | 'up-to-date' | 'excluded' | 'not-prepared';

export const MODULE_KINDS = ['web', 'mobile', 'service', 'library'] as const;
export type ModuleKind = (typeof MODULE_KINDS)[number];

export const MODULE_STATES = ['published', 'uploaded', 'publish-failed'] as const;
export type ModuleState = (typeof MODULE_STATES)[number];

export const RUN_STATUSES = ['running', 'finished', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const REPORT_FORMATS = ['json', 'csv', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A compiler or preparation error, located where known. */
export interface ModuleError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface StatusCounts {
  pending: number;
  compiling: number;
  prepared: number;
  failed: number;
  skipped: number;
  excluded: number;
}

/**
 * What started a run (spec §5 `run.kind`): `upgrade`, Apply/Exit; `prepare`, a retry of the
 * failed and skipped modules of an earlier run; `check`, an upgrade readiness check (spec §4c),
 * which compiles for a version the environment is not on yet and prepares nothing.
 */
export const RUN_KINDS = ['upgrade', 'prepare', 'check'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** One run (a row of the Upgrades history): a preparation, or a readiness check. */
export interface RunSummary {
  id: number;
  kind: RunKind;
  fromVersion: string;
  toVersion: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  retryOf: number | null;
  total: number;
  counts: StatusCounts;
}

/** A module a readiness check found would fail or be skipped, with why (its compiler errors or the skip reason). */
export interface ReadinessProblem {
  name: string;
  application: string;
  status: 'failed' | 'skipped';
  errors: ModuleError[];
}

/** The latest readiness check for a target version (spec §4c), as the Configuration Tool window shows it. */
export interface ReadinessCheck {
  runId: number;
  toVersion: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  total: number;
  counts: StatusCounts;
  /** The modules that would fail or be skipped (at most READINESS_PROBLEMS_SHOWN of them), failed first. */
  problems: ReadinessProblem[];
  /** Modules whose published version changed since the check (published, uploaded-and-published, deleted). */
  changedSince: string[];
}

/** How many failing or skipped modules the readiness state lists (the report has them all). */
export const READINESS_PROBLEMS_SHOWN = 500;

/** A running readiness check's progress, a few times a second. */
export interface ReadinessProgress {
  runId: number;
  toVersion: string;
  status: RunStatus;
  done: number;
  total: number;
  counts: StatusCounts;
}

/** The Upgrade readiness section: the pending upgrade's target, its latest check, and a running one. */
export interface ReadinessState {
  /** The version an Apply/Exit would upgrade to, or null when no upgrade is pending. */
  targetVersion: string | null;
  latest: ReadinessCheck | null;
  /** The check running in the service now, or null. */
  running: ReadinessProgress | null;
}

/**
 * What `config-tool status` says of readiness checks (spec §4c): the latest check for the pending upgrade's target
 * with the modules changed since, and a check running now (for any version), both null when there is none.
 */
export interface ReadinessStatus {
  /** The version an Apply/Exit would upgrade to, or null when no upgrade is pending. */
  targetVersion: string | null;
  latest: (RunSummary & { changedSince: string[] }) | null;
  running: RunSummary | null;
}

/** The environment's preparation lock, while an upgrade or a preparation holds it. */
export interface LockInfo {
  operation: 'upgrade' | 'preparation' | 'deploy-prepared';
  runId: number | null;
  holder: string;
  startedAt: string;
  heartbeatAt: string;
}

export interface CompilationSettings {
  parallelCompilations: number;
  moduleTimeLimitSeconds: number;
  /** The default for parallelCompilations: the number of CPU cores. */
  defaultParallelCompilations: number;
}

/** What the Configuration Tool window and the console header show. */
export interface EnvironmentStatus {
  location: string;
  name: string;
  platformVersion: string;
  installedVersion: string;
  availableVersions: string[];
  upgradePending: boolean;
  /**
   * How a preparation for the installed version locks the environment (spec §3): `environment` until it ends
   * (11.12–11.16), or `progressive`, only the group being compiled (11.17.0+).
   */
  installedVersionLock: 'environment' | 'progressive';
  /** Modules the latest preparation for the environment's version prepared that do not run that version yet. */
  preparedNotDeployed: number;
  /** The platform's known-issue warning for the pending upgrade (from 11.10.0 or earlier to 11.12.0+), or null. */
  upgradeWarning: string | null;
  settings: CompilationSettings;
  moduleCount: number;
  applicationCount: number;
  /** Modules published with success: the ones a modules preparation compiles (the others are excluded). */
  preparableModuleCount: number;
  /**
   * Modules with an upload newer than the version that runs (spec §4b), sorted by name: publishing them deploys
   * it. Modules never deployed are not counted.
   */
  newerUploads: string[];
  activeRun: RunSummary | null;
  latestRun: RunSummary | null;
  lock: LockInfo | null;
  /**
   * While a progressive preparation runs (spec §4a): the current group, the only modules the lock covers, and
   * its number; null otherwise (no run, or one that locks the whole environment).
   */
  currentGroup: { number: number | null; modules: string[] } | null;
  /** The last upgrade that failed and was rolled back, so the console can say why (red banner). */
  lastUpgradeFailure: { at: string; toVersion: string; step: string; message: string } | null;
}

/** A row of the console's Modules list. */
export interface ModuleRow {
  name: string;
  application: string;
  kind: ModuleKind;
  state: ModuleState;
  /** Platform version of the compilation that runs, or null when never deployed. */
  runningVersion: string | null;
  status: ModuleConsoleStatus;
}

export interface ModuleDetail extends ModuleRow {
  references: string[];
  consumers: string[];
  environmentVersion: string;
  /** True when a compilation for the environment's platform version is prepared or running. */
  preparedForCurrentVersion: boolean;
  /** Why this module is in its status, written for the admin; null when all is well. */
  statusMessage: string | null;
  errors: ModuleError[];
  /** For a skipped module: the producers it references that are not prepared (what it waits for). */
  waitingFor: string[];
  /** The module's latest publish when it failed (its compiler errors; none kept when a factory recorded it). */
  publishFailure: { at: string; platformVersion: string; errors: ModuleError[] } | null;
  lastRunId: number | null;
  durationMs: number | null;
  /**
   * During a progressive preparation (spec §4a), why Publish is not possible now (in the current group,
   * waiting for a producer, a producer failed); null when it is.
   */
  publishBlockedReason: string | null;
  /** During a progressive preparation, why Delete is not possible now (the module is in the current group); null when it is. */
  deleteBlockedReason: string | null;
  /** Set when the prepared compilation was compiled against a producer interface that changed since (spec §4a). */
  preparedOutdated: string | null;
  /** The module's version numbers (spec §4b): what runs, what was last published with success, what the latest preparation prepared, the latest upload. */
  versions: ModuleVersions;
}

/** Version numbers of a module (1, 2, …); null where there is none. */
export interface ModuleVersions {
  running: number | null;
  published: number | null;
  prepared: number | null;
  latest: number;
  /** True when the latest upload is newer than the last successful publication: publishing publishes it. */
  newerUpload: boolean;
}

export type UpgradeStepId = 'backup' | 'migrate' | 'system-components' | 'switch-version' | 'prepare-modules';

/** The upgrade steps' titles, in order: the Setup window, the console and the Platform Upgrade dialog all use these. */
export const UPGRADE_STEP_TITLES: Record<UpgradeStepId, string> = {
  backup: 'Back up the environment',
  migrate: 'Upgrade the platform database',
  'system-components': 'Publish the new system components',
  'switch-version': 'Switch the environment to the new version',
  'prepare-modules': 'Prepare the modules for the new version',
};
export type StepStatus = 'pending' | 'running' | 'done' | 'warning' | 'failed';

export interface UpgradeStep {
  id: UpgradeStepId;
  title: string;
  status: StepStatus;
  detail: string | null;
}

export interface LogLine {
  at: string;
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Live state of the current (or latest) run: what the Environment Setup window and Preparation details show. */
export interface PreparationProgress {
  runId: number | null;
  upgrading: boolean;
  fromVersion: string;
  toVersion: string;
  status: RunStatus | 'upgrading' | 'failed';
  steps: UpgradeStep[];
  total: number;
  counts: StatusCounts;
  compilingNow: string[];
  startedAt: string;
  elapsedMs: number;
  /** Estimated from measured durations; null until enough modules finished. */
  estimatedFinishAt: string | null;
  percent: number;
  /**
   * A progressive preparation (11.17.0+, spec §4a): the group locked now (null between groups) and how many
   * modules are prepared, so can be published. Absent for a preparation that locks the whole environment.
   */
  progressive?: { group: { number: number; modules: string[] } | null; readyToPublish: number };
}
