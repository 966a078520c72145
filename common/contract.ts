/**
 * The one IPC contract. Every request channel has a zod schema for its payload
 * (validated in Electron main and in the browser host before anything runs) and a
 * response type; every event has a payload type. Main, preload, renderer, the
 * browser host and the service process all import channel names from here.
 */
import { z } from 'zod';
import type {
  EnvironmentStatus,
  LogLine,
  ModuleDetail,
  PreparationProgress,
  ReadinessProgress,
  ReadinessState,
  RunKind,
  RunSummary,
} from './domain';
import type { ModuleListWire } from './module-list';
import { MODULE_PREPARATION_STATUSES, REPORT_FORMATS, RUN_STATUSES } from './domain';
import type { Channel } from './channels';

export type { Channel } from './channels';

const moduleName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'not a module name');
const empty = z.object({}).strict();

/** A request naming the platform version to go to (default: the installed version). */
const toVersionRequest = z
  .object({
    toVersion: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/)
      .optional(),
  })
  .strict();

/** The shared compilation cache's settings as the Configuration Tool edits them (spec §4d); '' is none. */
const sharedCacheSettingsRequest = z
  .object({
    mode: z.enum(['off', 'read-only', 'read-write']),
    url: z.string().max(2000),
    team: z.string().max(100),
  })
  .strict();

/** Request payload schemas, one per channel. Channel names are dotted by domain. */
export const requestSchemas = {
  'environment.status': empty,
  'settings.save': z
    .object({
      parallelCompilations: z.number().int().min(1).max(64),
      moduleTimeLimitSeconds: z.number().int().min(5).max(3600),
    })
    .strict(),
  /** Apply/Exit: starts the upgrade to `toVersion` (default: the installed version). */
  'upgrade.start': toVersionRequest,
  /** The whole state of the current (or latest) run at once: progress, counts and every log line. */
  'preparation.state': empty,
  /** Prepare again: resumes an interrupted run, or retries the failed and skipped modules of the latest one. */
  'preparation.retry': empty,
  'runs.list': empty,
  /** The Upgrade readiness section: the pending upgrade's target, its latest check, a running one (spec §4c). */
  'readiness.state': empty,
  /** Check now: starts the upgrade readiness check for `toVersion` (default: the installed version) in the service. */
  'readiness.check': toVersionRequest,
  /** Cancel: stops the running readiness check between modules; checking again resumes it. */
  'readiness.cancel': empty,
  /** Deploy N prepared modules: deploys every prepared module not yet running its prepared compilation. */
  'preparation.deployPrepared': empty,
  /** Every module row, by name; `first`: only the first rows (a page opening on the list shows them before the rest arrive). */
  'modules.list': z.object({ first: z.number().int().positive().optional() }).strict(),
  'modules.detail': z.object({ name: moduleName }).strict(),
  'modules.publish': z.object({ names: z.array(moduleName).min(1).max(20000) }).strict(),
  'modules.delete': z.object({ name: moduleName, force: z.boolean().optional() }).strict(),
  'configuration.apply': empty,
  'report.export': z.object({ runId: z.number().int().positive().optional(), format: z.enum(REPORT_FORMATS) }).strict(),
  /** The Configuration Tool's Shared compilation cache section: settings, which secrets are set (never their values). */
  'sharedCache.state': empty,
  /**
   * Saves the shared cache's settings and, when given, its secrets (kept by the desktop app with safeStorage, by the
   * browser host in the user's secrets file); they are never sent back.
   */
  'sharedCache.save': sharedCacheSettingsRequest
    .extend({
      token: z.string().min(1).max(4096).optional(),
      signingKey: z.string().min(1).max(4096).optional(),
      /** Removes the stored signing key. */
      forgetSigningKey: z.boolean().optional(),
    })
    .strict(),
  /** Test connection: checks these settings with the stored secrets (reach, token, signatures, mode). */
  'sharedCache.test': sharedCacheSettingsRequest,
  /** Opens (or focuses) one of the app's windows; in a browser, navigates to it. */
  'window.open': z.object({ window: z.enum(['config-tool', 'setup', 'console']) }).strict(),
  /** The Exit button: quits the desktop app (the browser host ignores it). */
  'app.exit': empty,
} as const satisfies { [C in Channel]: z.ZodType };
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

/** One run's dealings with the shared compilation cache (spec §5 `run.sharedCache`). */
export interface SharedCacheRunCounts {
  hits: number;
  misses: number;
  refused: number;
  uploaded: number;
  errors: number;
}

export interface PublishOutcome {
  published: string[];
  reusedPrepared: string[];
  /** Modules whose stored compilation was damaged (its digest did not match): compiled again instead (spec §4d). */
  damaged: string[];
  failed: { name: string; message: string }[];
  /** Modules whose compilation came from the shared compilation cache (spec §4d). */
  reusedFromSharedCache?: string[];
  /** The publish's dealings with the shared cache, when it used one. */
  sharedCache?: SharedCacheRunCounts;
  /** Why the shared cache was not used, said once. */
  sharedCacheUnavailable?: string;
}

/** What Deploy prepared modules did (the CLI's `deploy-prepared`). */
export interface DeployPreparedOutcome {
  platformVersion: string;
  deployed: string[];
  alreadyRunning: number;
  notPrepared: string[];
  /** Prepared modules whose stored compilation was damaged: left out, prepared again by the next preparation (spec §4d). */
  damaged: string[];
}

export interface ExportedReport {
  fileName: string;
  mimeType: string;
  /** The file's text, for hosts that download it in the renderer (browser); null once a host saved it itself. */
  content: string | null;
  /** Where the desktop app saved it (native save dialog), or null. */
  savedTo: string | null;
}

/** The Shared compilation cache section's state. Secrets are only said to be set or not. */
export interface SharedCacheState {
  mode: 'off' | 'read-only' | 'read-write';
  /** The stored settings; '' when none. */
  url: string;
  team: string;
  /** Variables (CONFIG_TOOL_CACHE_*) that override the settings or give the secrets in this process. */
  overriddenBy: string[];
  tokenSet: boolean;
  signingKeySet: boolean;
  /** Where the secrets are kept: the desktop app's safe storage, or the user's secrets file. */
  secretsKeptIn: string;
  /** The latest run (upgrade, Prepare again, check) that used the cache, with its counts; null when none did. */
  lastRun: {
    runId: number;
    kind: RunKind;
    toVersion: string;
    startedAt: string;
    counts: SharedCacheRunCounts;
  } | null;
}

/** What Test connection found: what holds, line by line, and the first problem (null: the cache can be used). */
export interface SharedCacheConnectionCheck {
  lines: string[];
  problem: string | null;
}

/** Response types, one per channel. */
export interface ResponseTypes {
  'environment.status': EnvironmentStatus;
  'settings.save': EnvironmentStatus;
  'upgrade.start': { upgradeStarted: boolean; toVersion: string };
  'preparation.state': ProgressUpdate;
  'preparation.retry': { runId: number };
  'runs.list': RunSummary[];
  'readiness.state': ReadinessState;
  'readiness.check': { runId: number | null; toVersion: string };
  'readiness.cancel': { cancelling: boolean };
  'preparation.deployPrepared': DeployPreparedOutcome;
  /** The rows as columns (common/module-list.ts): 10,000 rows are 0.4 MB instead of 1.4 MB. */
  'modules.list': ModuleListWire;
  'modules.detail': ModuleDetail;
  'modules.publish': PublishOutcome;
  'modules.delete': { deleted: string };
  'configuration.apply': { applied: string[] };
  'report.export': ExportedReport;
  'sharedCache.state': SharedCacheState;
  'sharedCache.save': SharedCacheState;
  'sharedCache.test': SharedCacheConnectionCheck;
  'window.open': { opened: boolean };
  'app.exit': { exiting: boolean };
}
export type ResponseOf<C extends Channel> = ResponseTypes[C];

const counts = z.object({
  pending: z.number(),
  compiling: z.number(),
  prepared: z.number(),
  failed: z.number(),
  skipped: z.number(),
  excluded: z.number(),
});

/** PreparationProgress as zod sees it; `satisfies` keeps it in step with the domain type. */
const preparationProgressSchema = z.object({
  runId: z.number().nullable(),
  upgrading: z.boolean(),
  fromVersion: z.string(),
  toVersion: z.string(),
  status: z.enum([...RUN_STATUSES, 'upgrading', 'failed']),
  steps: z.array(
    z.object({
      id: z.enum(['backup', 'migrate', 'system-components', 'switch-version', 'prepare-modules']),
      title: z.string(),
      status: z.enum(['pending', 'running', 'done', 'warning', 'failed']),
      detail: z.string().nullable(),
    }),
  ),
  total: z.number(),
  counts,
  compilingNow: z.array(z.string()),
  startedAt: z.string(),
  elapsedMs: z.number(),
  estimatedFinishAt: z.string().nullable(),
  percent: z.number(),
  progressive: z
    .object({
      group: z.object({ number: z.number(), modules: z.array(z.string()) }).nullable(),
      readyToPublish: z.number(),
    })
    .optional(),
}) satisfies z.ZodType<PreparationProgress>;

const logLineSchema = z.object({
  at: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  text: z.string(),
}) satisfies z.ZodType<LogLine>;

/**
 * Progress as coalesced state, the same over Electron IPC and the browser host's
 * WebSocket. The service sends a `full` update when a window asks for the state
 * (start-up, reload, reconnect) and otherwise `delta` updates, at most a few a
 * second, each carrying the counts and only what changed since the previous one:
 * the log lines appended and the modules whose status changed.
 *
 * A window applies a delta onto what it holds: `log.from` is the position of the
 * first line in the run's log, so a window that finds it past its own end missed
 * something and asks for the full state again.
 */
export const progressUpdateSchema = z.object({
  /** True: replaces everything the window holds. False: applies onto it. */
  full: z.boolean(),
  /** The piece of work (upgrade, preparation) the log belongs to; a new one starts a new log. Grows over time. */
  workId: z.number().int().nonnegative(),
  /** Deltas of a work are numbered 1, 2, …; a full update carries the number of the last delta sent before it. */
  seq: z.number().int().nonnegative(),
  /** The latest progress (counts, steps, timing); null in a delta when it did not change, or when no run ever ran. */
  progress: preparationProgressSchema.nullable(),
  log: z.object({ from: z.number().int().nonnegative(), lines: z.array(logLineSchema) }),
  /** The modules whose status changed (their latest status); empty in a full update (the Modules list reads them). */
  modules: z.array(z.object({ name: z.string(), status: z.enum(MODULE_PREPARATION_STATUSES) })),
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

/** Validates a progress update as it reaches a window; null (and the window asks for the full state) when it is not one. */
export function parseProgressUpdate(payload: unknown): ProgressUpdate | null {
  const parsed = progressUpdateSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** Events pushed to every window. */
export interface EventPayloads {
  /**
   * The run's progress as coalesced state (common/progress-update.ts): at most a few a
   * second, each with the counts and only what changed since the previous one.
   */
  'preparation.update': ProgressUpdate;
  'environment.changed': EnvironmentStatus;
  /** A supervisor notice: a crashed process restarted, the service unavailable… */
  'service.notice': { level: 'info' | 'warning' | 'error'; message: string };
  /** A readiness check's progress, a few times a second, and once more when it ends (status not 'running'). */
  'readiness.progress': ReadinessProgress;
}
export type EventName = keyof EventPayloads;
/** An error as it crosses the contract: a code and a message for the admin. */
export interface ContractErrorPayload {
  code: string;
  message: string;
}
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ContractErrorPayload };

/** The API object exposed to the renderer as `window.configTool` (preload or browser shim). */
export interface ConfigToolApi {
  readonly host: 'electron' | 'browser';
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<InvokeResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** A channel's request as its schema gives it back once validated (defaults filled in). */
export type ParsedRequest<C extends Channel> = z.output<(typeof requestSchemas)[C]>;

/** Validates a payload against its channel's schema; returns a contract error naming the field on failure. */
export function parseRequest<C extends Channel>(
  channel: C,
  payload: unknown,
): { ok: true; value: ParsedRequest<C> } | { ok: false; error: ContractErrorPayload } {
  const parsed = requestSchemas[channel].safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedRequest<C> };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at '${issue.path.join('.')}'` : '';
  return {
    ok: false,
    error: {
      code: 'bad-request',
      message: `Invalid request for '${channel}'${where}: ${issue?.message ?? 'rejected'}`,
    },
  };
}
