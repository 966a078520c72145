/**
 * Entry point of the service process: the utility process that owns the environment
 * database and runs upgrades and preparations. Hosts (Electron main, the browser
 * host) send it contract requests and receive its events (main/host/service-protocol.ts).
 */
import './enable-compile-cache';
import path from 'node:path';
import fs from 'node:fs';
import type { InvokeResult } from '../../common/contract';
import type { EngineContext } from '../engine/engine-context';
import { isUserError, UserError } from '../engine/errors';
import { asAdminError } from '../engine/environment-conditions';
import { importFactory } from '../engine/factory/import-factory';
import { openEnvironment, type EnvironmentAccess } from '../engine/open-environment';
import { prepareModules } from '../engine/preparation/prepare-modules';
import { effectiveStatus, latestRun } from '../engine/preparation/run-repository';
import { findPackageRoot } from '../engine/platform/platform-versions';
import { createNodeWorkerSpawner, type WorkerSpawner } from '../engine/process/worker-spawner';
import { environmentExists } from '../engine/store/database';
import type { HostToService, ServiceToHost } from '../host/service-protocol';
import { SharedCacheSecretSource } from '../engine/shared-cache/shared-cache-secret-source';
import { sharedCacheOpener } from '../engine/default-shared-cache';
import { BackgroundWork, type EmitEvent } from './background-work';
import { ProgressCoalescer } from './progress-coalescer';
import { ReadinessWork } from './readiness-work';
import { connectToParent, type ParentConnection } from './parent-port';
import {
  isServiceChannel,
  logOfInterruptedRun,
  serviceHandlers,
  WRITING_CHANNELS,
  type ServiceState,
} from './service-handlers';

/** What the windows say once when the environment can only be read. */
function readOnlyNotice(environmentDir: string): string {
  return (
    `The environment in ${environmentDir} is read-only (a read-only mount, or a file marked immutable): ` +
    'everything shows as it is, but Apply/Exit, publishing, deleting and applying configurations are refused until it can be written.'
  );
}

function logBug(what: string, error: unknown): void {
  process.stderr.write(
    `service: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}

/** Under Electron the compiler workers are utility processes too, started by main on the service's behalf. */
async function chooseSpawner(): Promise<WorkerSpawner> {
  // Under Node the workers are the compiler-worker.cjs beside this file (out/node, or out/main of a packaged app).
  if (process.env.CONFIG_TOOL_WORKER_BROKER !== 'electron') return createNodeWorkerSpawner(__dirname);
  // Loaded only under Electron: the CLI and the browser host never need the broker.
  const { createBrokeredWorkerSpawner } = await import('./brokered-worker-spawner');
  return createBrokeredWorkerSpawner();
}

/** Test-only fault injection for compiler workers passes through unchanged. */
function workerEnv(): Record<string, string> | undefined {
  const faults = process.env.CONFIG_TOOL_TEST_FAULTS;
  return faults ? { CONFIG_TOOL_TEST_FAULTS: faults } : undefined;
}

async function openService(
  spawner: WorkerSpawner,
  sharedCacheSecrets: SharedCacheSecretSource,
): Promise<{ context: EngineContext; recoveryWarning: string | null; readOnly: UserError | null }> {
  const environmentDir = process.env.CONFIG_TOOL_ENV_DIR;
  if (!environmentDir) throw new Error('CONFIG_TOOL_ENV_DIR is not set: the host must say which environment to open.');
  if (!environmentExists(environmentDir)) {
    if (process.env.CONFIG_TOOL_CREATE_DEMO !== '1') {
      // The admin's mistake, not a bug: the host prints this message, with no stack trace.
      throw new UserError(
        'environment-missing',
        `There is no environment in ${environmentDir}. Create one with 'config-tool init --demo' or 'config-tool import FACTORY'.`,
      );
    }
    fs.mkdirSync(environmentDir, { recursive: true });
    await importFactory(environmentDir, path.join(findPackageRoot(), 'resources', 'demo-factory'), {
      spawner,
      workerEnv: workerEnv(),
    });
  }
  const open = (access: EnvironmentAccess) =>
    openEnvironment(environmentDir, {
      spawner,
      workerEnv: workerEnv(),
      // Withdrawn when the process exits.
      openedBy: process.env.CONFIG_TOOL_WORKER_BROKER === 'electron' ? 'the desktop app' : 'config-tool serve',
      // One source of secrets in the process: runs use what the sharedCache channels show and save.
      openSharedCache: sharedCacheOpener(sharedCacheSecrets),
      access,
    });
  let readOnly: UserError | null = null;
  let opened: ReturnType<typeof open>;
  try {
    opened = open('write');
  } catch (error) {
    // A read-only mount or an immutable file: the windows still show it all, and refuse what writes.
    if (!isUserError(error) || error.code !== 'read-only') throw error;
    readOnly = error;
    opened = open('read');
  }
  const { recovered, leave: _leave, ...context } = opened;
  return { context, recoveryWarning: recovered.warning, readOnly };
}

async function answer(state: ServiceState, channel: unknown, payload: unknown): Promise<InvokeResult<unknown>> {
  if (!isServiceChannel(channel)) {
    return { ok: false, error: { code: 'bad-request', message: `The service does not answer '${String(channel)}'.` } };
  }
  if (state.readOnly && WRITING_CHANNELS.has(channel))
    return { ok: false, error: { code: state.readOnly.code, message: state.readOnly.message } };
  try {
    const handler = serviceHandlers[channel] as (state: ServiceState, request: unknown) => unknown;
    return { ok: true, value: await handler(state, payload ?? {}) };
  } catch (caught) {
    const error = asAdminError(caught, state.context.environmentDir);
    if (isUserError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    logBug(`'${channel}' failed`, error);
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

async function main(): Promise<void> {
  const parent: ParentConnection = connectToParent();
  const send = (message: ServiceToHost): void => parent.send(message);
  // Requests can arrive while the environment opens: keep them until it has.
  const early: HostToService[] = [];
  // One source of the shared cache's secrets for the process; the host's (safeStorage) are taken at once,
  // even while the environment opens, so a resumed run already has them.
  const sharedCacheSecrets = new SharedCacheSecretSource(process.env);
  const takeSecrets = (message: HostToService): boolean => {
    if (message?.type !== 'shared-cache-secrets') return false;
    sharedCacheSecrets.useHostSecrets(message.secrets);
    return true;
  };
  let onMessage: (message: HostToService) => void = (message) => {
    if (!takeSecrets(message)) early.push(message);
  };
  parent.onMessage((raw) => onMessage(raw as HostToService));
  let shutdownAsked = false;
  const earlyShutdown = (): void => {
    shutdownAsked = true;
  };
  process.on('SIGTERM', earlyShutdown);

  let state: ServiceState;
  let recoveryWarning: string | null;
  try {
    const opened = await openService(await chooseSpawner(), sharedCacheSecrets);
    const { context, readOnly } = opened;
    recoveryWarning = opened.recoveryWarning;
    const emit: EmitEvent = (event, payload) => send({ type: 'event', event, payload } as ServiceToHost);
    const progress = new ProgressCoalescer({ send: (update) => emit('preparation.update', update) });
    state = {
      context,
      progress,
      work: new BackgroundWork(context, progress, emit),
      readiness: new ReadinessWork(emit),
      sharedCacheSecrets,
      readOnly,
    };
  } catch (caught) {
    const error = asAdminError(caught, process.env.CONFIG_TOOL_ENV_DIR);
    const message = isUserError(error) || error instanceof Error ? error.message : String(error);
    if (!isUserError(error)) logBug('could not open the environment', error);
    send({ type: 'fatal', message });
    setTimeout(() => process.exit(1), 100);
    return;
  }

  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      await state.work.stop();
      state.context.db.close();
      process.exit(0);
    })());
  process.off('SIGTERM', earlyShutdown);
  process.on('SIGTERM', () => void shutdown());

  const handle = (message: HostToService): void => {
    if (message?.type === 'shutdown') void shutdown();
    else if (message?.type === 'request') {
      void answer(state, message.channel, message.payload).then((result) =>
        send({ type: 'response', id: message.id, result }),
      );
    }
  };
  // One message per task: requests that arrive together (a window's first rows, its status, its
  // run) are delivered in one tick, where every handler's synchronous part ran before the first
  // answer left. A task each lets a quick answer go before a slower one that came after it.
  onMessage = (message) => {
    if (!takeSecrets(message)) setImmediate(handle, message);
  };
  send({ type: 'ready', environmentDir: state.context.environmentDir });
  if (shutdownAsked) return void shutdown();
  if (recoveryWarning)
    send({ type: 'event', event: 'service.notice', payload: { level: 'warning', message: recoveryWarning } });
  if (state.readOnly)
    send({
      type: 'event',
      event: 'service.notice',
      payload: { level: 'warning', message: readOnlyNotice(state.context.environmentDir) },
    });
  for (const message of early.splice(0)) onMessage(message);

  // Quitting mid-run and starting again resumes the run (where it can be written).
  const latest = latestRun(state.context.db);
  if (latest && effectiveStatus(state.context.db, latest) === 'interrupted' && !closing && !state.readOnly) {
    state.work
      .start(
        'Resuming the preparation',
        (hooks) => prepareModules(state.context, hooks),
        logOfInterruptedRun(state.context),
      )
      .catch((error: unknown) => {
        if (isUserError(error))
          send({ type: 'event', event: 'service.notice', payload: { level: 'warning', message: error.message } });
        else logBug('could not resume the preparation', error);
      });
  }
}

main().catch((error: unknown) => {
  logBug('crashed', error);
  process.exit(1);
});
