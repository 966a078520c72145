/**
 * The one IPC contract. Every request channel has a zod schema for its payload
 * (validated in Electron main and in the browser host before anything runs) and a
 * response type; every event has a payload type. Main, preload, renderer, the
 * browser host and the service process all import channel names from here.
 */
import { z } from 'zod';
import type { EnvironmentStatus, LogLine, ModuleDetail, ModuleRow, PreparationProgress, RunSummary } from './domain';
import { REPORT_FORMATS } from './domain';

const moduleName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'not a module name');
const empty = z.object({}).strict();

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
  'upgrade.start': z
    .object({
      toVersion: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .optional(),
    })
    .strict(),
  'preparation.progress': empty,
  /** The latest lines of the run's log, for a window opened (or reloaded) mid-run. */
  'preparation.log': z
    .object({ runId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(5000).optional() })
    .strict(),
  /** Prepare again: resumes an interrupted run, or retries the failed and skipped modules of the latest one. */
  'preparation.retry': empty,
  'runs.list': empty,
  'modules.list': empty,
  'modules.detail': z.object({ name: moduleName }).strict(),
  'modules.publish': z.object({ names: z.array(moduleName).min(1).max(20000) }).strict(),
  'modules.delete': z.object({ name: moduleName, force: z.boolean().optional() }).strict(),
  'configuration.apply': empty,
  'report.export': z.object({ runId: z.number().int().positive().optional(), format: z.enum(REPORT_FORMATS) }).strict(),
  /** Opens (or focuses) one of the app's windows; in a browser, navigates to it. */
  'window.open': z.object({ window: z.enum(['config-tool', 'setup', 'console']) }).strict(),
  /** The Exit button: quits the desktop app (the browser host ignores it). */
  'app.exit': empty,
} as const;

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

export interface PublishOutcome {
  published: string[];
  reusedPrepared: string[];
  failed: { name: string; message: string }[];
}

export interface ExportedReport {
  fileName: string;
  mimeType: string;
  /** The file's text, for hosts that download it in the renderer (browser); null once a host saved it itself. */
  content: string | null;
  /** Where the desktop app saved it (native save dialog), or null. */
  savedTo: string | null;
}

/** Response types, one per channel. */
export interface ResponseTypes {
  'environment.status': EnvironmentStatus;
  'settings.save': EnvironmentStatus;
  'upgrade.start': { upgradeStarted: boolean; toVersion: string };
  'preparation.progress': PreparationProgress | null;
  'preparation.log': LogLine[];
  'preparation.retry': { runId: number };
  'runs.list': RunSummary[];
  'modules.list': ModuleRow[];
  'modules.detail': ModuleDetail;
  'modules.publish': PublishOutcome;
  'modules.delete': { deleted: string };
  'configuration.apply': { applied: string[] };
  'report.export': ExportedReport;
  'window.open': { opened: boolean };
  'app.exit': { exiting: boolean };
}
export type ResponseOf<C extends Channel> = ResponseTypes[C];

/** Events pushed to every window. Progress is batched by the host (at most ~20 a second). */
export interface EventPayloads {
  'preparation.progress': PreparationProgress;
  'preparation.log': LogLine[];
  'environment.changed': EnvironmentStatus;
  /** A supervisor notice: a crashed process restarted, the service unavailable… */
  'service.notice': { level: 'info' | 'warning' | 'error'; message: string };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = [
  'preparation.progress',
  'preparation.log',
  'environment.changed',
  'service.notice',
];
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

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

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}

/** Validates a payload against its channel's schema; returns a contract error naming the field on failure. */
export function parseRequest<C extends Channel>(
  channel: C,
  payload: unknown,
): { ok: true; value: z.output<(typeof requestSchemas)[C]> } | { ok: false; error: ContractErrorPayload } {
  const parsed = requestSchemas[channel].safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof requestSchemas)[C]> };
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
