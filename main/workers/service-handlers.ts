import type { Channel, RequestOf, ResponseOf } from '../../common/contract';
import type { LogLine } from '../../common/domain';
import type { HOST_CHANNELS } from '../host/service-protocol';
import type { UserError } from '../engine/errors';
import type { EngineContext } from '../engine/engine-context';
import { applyConfiguration, setConfiguration } from '../engine/operations/configuration';
import { deleteModule } from '../engine/operations/delete-module';
import { publishModules } from '../engine/operations/publish-modules';
import { deployPrepared } from '../engine/preparation/deploy-prepared';
import { prepareModules } from '../engine/preparation/prepare-modules';
import {
  effectiveStatus,
  latestRun,
  listRunSummaries,
  readCurrentLog,
  readLog,
} from '../engine/preparation/run-repository';
import { getEnvironmentStatus, getStoredProgress } from '../engine/queries/environment-status';
import { getModuleDetail, listModuleRows } from '../engine/queries/module-queries';
import { encodeModuleRows } from '../../common/module-list';
import { exportReport } from '../engine/report/export-report';
import { upgradeEnvironment } from '../engine/upgrade/upgrade-environment';
import { checkReadiness } from '../engine/preparation/check-readiness';
import { resolveTarget } from '../engine/preparation/run-target';
import { getReadinessState } from '../engine/queries/readiness-queries';
import type { BackgroundWork } from './background-work';
import type { ReadinessWork } from './readiness-work';
import type { ProgressCoalescer } from './progress-coalescer';
import type { SharedCacheSecretSource } from '../engine/shared-cache/shared-cache-secret-source';
import { sharedCacheHandlers } from './shared-cache-handlers';

/** What the handlers work with: the open environment and the background runner. */
export interface ServiceState {
  context: EngineContext;
  work: BackgroundWork;
  progress: ProgressCoalescer;
  readiness: ReadinessWork;
  /** The shared cache's secrets: the variables, the desktop app's (given by its main process) or the user's file. */
  sharedCacheSecrets: SharedCacheSecretSource;
  /** Why nothing can be written (the environment opened read-only), or null. */
  readOnly: UserError | null;
}

/**
 * The channels that change the environment: refused at once where it was opened read-only,
 * with why, rather than failing halfway. Everything else reads.
 */
export const WRITING_CHANNELS: ReadonlySet<ServiceChannel> = new Set<ServiceChannel>([
  'settings.save',
  'upgrade.start',
  'preparation.retry',
  'readiness.check',
  'preparation.deployPrepared',
  'modules.publish',
  'modules.delete',
  'configuration.apply',
  'sharedCache.save',
]);

/** The channels the service answers: all of them but the host's own (windows, quitting). */
export type ServiceChannel = Exclude<Channel, (typeof HOST_CHANNELS)[number]>;

type Handler<C extends ServiceChannel> = (
  state: ServiceState,
  request: RequestOf<C>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** Every line of a run's log (a 10,000-module run writes about one a module). */
const WHOLE_LOG = 1_000_000;

/** The log of the interrupted run a new piece of work resumes, or nothing when it starts afresh. */
export function logOfInterruptedRun(context: EngineContext): LogLine[] {
  const latest = latestRun(context.db);
  return latest && effectiveStatus(context.db, latest) === 'interrupted'
    ? readLog(context.db, latest.id, WHOLE_LOG)
    : [];
}

/** "Billing", "Billing, Orders", "42 modules": names for a message. */
function describeNames(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.length} modules`;
}

/** Runs an operation that changes the environment, then tells every window. */
async function changing<T>(state: ServiceState, operation: () => Promise<T> | T): Promise<T> {
  const result = await operation();
  state.work.changed();
  return result;
}

/** One engine call per contract channel; payloads arrive already validated by the host. */
export const serviceHandlers: { [C in ServiceChannel]: Handler<C> } = {
  'environment.status': ({ context }) => getEnvironmentStatus(context),
  ...sharedCacheHandlers,

  'settings.save': (state, request) =>
    changing(state, () => {
      const { context } = state;
      setConfiguration(context, 'parallelCompilations', String(request.parallelCompilations));
      setConfiguration(context, 'moduleTimeLimitSeconds', String(request.moduleTimeLimitSeconds));
      applyConfiguration(context);
      return getEnvironmentStatus(context);
    }),

  'upgrade.start': async ({ context, work }, request) => {
    const target = resolveTarget(context, 'upgrade', request.toVersion);
    const latest = latestRun(context.db);
    const resumes = latest !== null && effectiveStatus(context.db, latest) === 'interrupted';
    if (target.fromVersion === target.toVersion && !resumes)
      return { upgradeStarted: false, toVersion: target.toVersion };
    await work.start(
      resumes && target.fromVersion === target.toVersion
        ? 'The preparation'
        : `The upgrade to ${target.toVersion} (Apply/Exit)`,
      (hooks) => upgradeEnvironment(context, { toVersion: target.toVersion, ...hooks }),
      resumes ? logOfInterruptedRun(context) : [],
    );
    return { upgradeStarted: true, toVersion: target.toVersion };
  },

  'preparation.state': ({ context, work, progress }) => {
    // Mid-run the live state is ahead of the database (and knows the upgrade steps before a run exists).
    if (work.busy && progress.hasWork) return progress.fullState();
    return progress.storedState(getStoredProgress(context), readCurrentLog(context.db, WHOLE_LOG));
  },

  'preparation.retry': async ({ context, work }) => {
    await work.start('The preparation', (hooks) => prepareModules(context, hooks), logOfInterruptedRun(context));
    return { runId: latestRun(context.db)!.id };
  },

  'runs.list': ({ context }) => listRunSummaries(context.db),

  'readiness.state': ({ context, readiness }) => getReadinessState(context, readiness.running),

  // A long operation like the others (one at a time), but it takes no lock: publishing stays allowed.
  'readiness.check': async (state, request) => {
    const { context, work, readiness } = state;
    const target = resolveTarget(context, 'check', request.toVersion);
    readiness.begin();
    await work.start(
      `The readiness check for ${target.toVersion}`,
      (hooks) =>
        checkReadiness(context, {
          toVersion: target.toVersion,
          onEvent: readiness.onEvent,
          shouldStop: () => hooks.shouldStop() || readiness.cancelled,
        }).finally(() => readiness.end()),
      [],
      { ownProgress: true },
    );
    return { runId: readiness.running?.runId ?? null, toVersion: target.toVersion };
  },

  'readiness.cancel': ({ readiness }) => ({ cancelling: readiness.cancel() }),
  // Under its own lock, like the CLI's deploy-prepared: refused while an upgrade or a preparation runs.
  'preparation.deployPrepared': (state) =>
    state.work.runForeground('Deploy of the prepared modules', { besideRun: false }, () =>
      changing(state, () => deployPrepared(state.context, { onEvent: () => undefined })),
    ),
  'modules.list': ({ context }, request) => encodeModuleRows(listModuleRows(context, request)),
  'modules.detail': ({ context }, request) => getModuleDetail(context, request.name),
  'modules.publish': (state, request) =>
    state.work.runForeground(`Publish of ${describeNames(request.names)}`, { besideRun: true }, () =>
      changing(state, () => publishModules(state.context, { names: request.names })),
    ),
  'modules.delete': (state, request) =>
    changing(state, () => deleteModule(state.context, request.name, { force: request.force })),
  'configuration.apply': (state) => changing(state, () => applyConfiguration(state.context)),

  'report.export': ({ context }, request) => {
    const report = exportReport(context.db, { runId: request.runId, format: request.format });
    return { ...report, savedTo: null };
  },
};

/** True for the channels the service answers. */
export function isServiceChannel(channel: unknown): channel is ServiceChannel {
  return typeof channel === 'string' && Object.hasOwn(serviceHandlers, channel);
}
