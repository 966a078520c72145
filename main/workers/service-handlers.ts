import type { Channel, RequestOf, ResponseOf } from '../../common/contract';
import type { HOST_CHANNELS } from '../host/service-protocol';
import type { EngineContext } from '../engine/engine-context';
import { applyConfiguration, setConfiguration } from '../engine/operations/configuration';
import { deleteModule } from '../engine/operations/delete-module';
import { publishModules } from '../engine/operations/publish-modules';
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
import { exportReport } from '../engine/report/export-report';
import { resolveUpgradeTarget, upgradeEnvironment } from '../engine/upgrade/upgrade-environment';
import type { BackgroundWork } from './background-work';
import type { EventForwarder } from './event-forwarder';

/** What the handlers work with: the open environment and the background runner. */
export interface ServiceState {
  context: EngineContext;
  work: BackgroundWork;
  forwarder: EventForwarder;
}

/** The channels the service answers: all of them but the host's own (windows, quitting). */
export type ServiceChannel = Exclude<Channel, (typeof HOST_CHANNELS)[number]>;

type Handler<C extends ServiceChannel> = (
  state: ServiceState,
  request: RequestOf<C>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

const DEFAULT_LOG_LINES = 500;

/** Runs an operation that changes the environment, then tells every window. */
async function changing<T>(state: ServiceState, operation: () => Promise<T> | T): Promise<T> {
  const result = await operation();
  state.work.changed();
  return result;
}

/** One engine call per contract channel; payloads arrive already validated by the host. */
export const serviceHandlers: { [C in ServiceChannel]: Handler<C> } = {
  'environment.status': ({ context }) => getEnvironmentStatus(context),

  'settings.save': (state, request) =>
    changing(state, () => {
      const { context } = state;
      setConfiguration(context, 'parallelCompilations', String(request.parallelCompilations));
      setConfiguration(context, 'moduleTimeLimitSeconds', String(request.moduleTimeLimitSeconds));
      applyConfiguration(context);
      return getEnvironmentStatus(context);
    }),

  'upgrade.start': async ({ context, work }, request) => {
    const target = resolveUpgradeTarget(context, request.toVersion);
    const latest = latestRun(context.db);
    const resumes = latest !== null && effectiveStatus(context.db, latest) === 'interrupted';
    if (target.fromVersion === target.toVersion && !resumes)
      return { upgradeStarted: false, toVersion: target.toVersion };
    await work.start(`The upgrade to ${target.toVersion}`, (hooks) =>
      upgradeEnvironment(context, { toVersion: target.toVersion, ...hooks }),
    );
    return { upgradeStarted: true, toVersion: target.toVersion };
  },

  'preparation.progress': ({ context, work, forwarder }) => {
    // Mid-run the live progress is ahead of the database (and knows the upgrade steps before a run exists).
    if (work.busy && forwarder.latestProgress) return forwarder.latestProgress;
    return getStoredProgress(context);
  },

  'preparation.log': ({ context }, request) => {
    const limit = request.limit ?? DEFAULT_LOG_LINES;
    return request.runId === undefined ? readCurrentLog(context.db, limit) : readLog(context.db, request.runId, limit);
  },

  'preparation.retry': async ({ context, work }) => {
    await work.start('The preparation', (hooks) => prepareModules(context, hooks));
    return { runId: latestRun(context.db)!.id };
  },

  'runs.list': ({ context }) => listRunSummaries(context.db),
  'modules.list': ({ context }) => listModuleRows(context),
  'modules.detail': ({ context }, request) => getModuleDetail(context, request.name),
  'modules.publish': (state, request) => changing(state, () => publishModules(state.context, { names: request.names })),
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
