import { isChannel, type Channel } from '../../common/channels';
import {
  parseRequest,
  type ExportedReport,
  type InvokeResult,
  type ParsedRequest,
  type RequestOf,
} from '../../common/contract';
import { isUserError } from '../engine/errors';
import type { SharedCacheSecretKeeper } from '../engine/shared-cache/shared-cache-secret-source';
import type { ServiceConnection } from './service-connection';

/** What only the host can do: windows, quitting, saving a file with a native dialog. */
export interface HostActions {
  openWindow(window: 'config-tool' | 'setup' | 'console'): Promise<{ opened: boolean }> | { opened: boolean };
  exit(): Promise<{ exiting: boolean }> | { exiting: boolean };
  /** Saves an exported report (Electron: a save dialog); absent in a browser, which downloads the content itself. */
  saveExport?(report: ExportedReport): Promise<ExportedReport>;
  /** Keeps the shared cache's secrets itself (the desktop app: safeStorage); absent where the service keeps them. */
  sharedCacheSecrets?: SharedCacheSecretKeeper;
}

/** The one handler both Electron main (ipcMain) and the browser host (WebSocket) register. */
export interface ContractHandlers {
  handle(channel: unknown, payload: unknown): Promise<InvokeResult<unknown>>;
}

/** Answers one channel's request, already validated against its schema. */
type Handler<C extends Channel> = (request: ParsedRequest<C>, channel: C) => Promise<InvokeResult<unknown>>;

function bug(error: unknown): InvokeResult<never> {
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

/** One handler per contract channel: the host answers windows and quitting itself, the service the rest. */
function handlerTable(service: ServiceConnection, hostActions: HostActions): { [C in Channel]: Handler<C> } {
  const toService: Handler<Channel> = (request, channel) => service.request(channel, request);
  return {
    'environment.status': toService,
    'settings.save': toService,
    'upgrade.start': toService,
    'preparation.state': toService,
    'preparation.retry': toService,
    'runs.list': toService,
    'readiness.state': toService,
    'readiness.check': toService,
    'readiness.cancel': toService,
    'preparation.deployPrepared': toService,
    'modules.list': toService,
    'modules.detail': toService,
    'modules.publish': toService,
    'modules.delete': toService,
    'configuration.apply': toService,
    'sharedCache.state': toService,
    'sharedCache.test': toService,
    // Where the host keeps the secrets (the desktop app), a save's secrets stop here.
    'sharedCache.save': (request, channel) =>
      service.request(channel, keepSecretsInHost(service, hostActions, request)),
    // Electron saves the exported report with a dialog; a browser downloads what the service made.
    'report.export': async (request, channel) => {
      const result = await service.request(channel, request);
      if (!result.ok || !hostActions.saveExport) return result;
      return { ok: true, value: await hostActions.saveExport(result.value as ExportedReport) };
    },
    'window.open': async (request) => ({ ok: true, value: await hostActions.openWindow(request.window) }),
    'app.exit': async () => ({ ok: true, value: await hostActions.exit() }),
  };
}

/**
 * Where the host keeps the shared cache's secrets, a save hands them to its keeper (and the service gets the
 * result over the service protocol); the request goes on without them.
 */
function keepSecretsInHost(
  service: ServiceConnection,
  hostActions: HostActions,
  payload: RequestOf<'sharedCache.save'>,
): unknown {
  if (!hostActions.sharedCacheSecrets) return payload;
  const { token, signingKey, forgetSigningKey, ...settings } = payload;
  const change = {
    ...(token ? { token } : {}),
    ...(signingKey ? { signingKey } : forgetSigningKey ? { signingKey: null } : {}),
  };
  if (Object.keys(change).length > 0) service.setSharedCacheSecrets(hostActions.sharedCacheSecrets.save(change));
  return settings;
}

/**
 * Validates every request against the contract's schema before anything runs,
 * answers the host's own channels, and sends the rest to the service.
 */
export function createContractHandlers(service: ServiceConnection, hostActions: HostActions): ContractHandlers {
  const handlers = handlerTable(service, hostActions);
  const run = async <C extends Channel>(channel: C, payload: unknown): Promise<InvokeResult<unknown>> => {
    const parsed = parseRequest(channel, payload);
    return parsed.ok ? handlers[channel](parsed.value, channel) : parsed;
  };
  return {
    async handle(channel, payload) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'bad-request', message: `Unknown channel '${String(channel).slice(0, 80)}'.` },
        };
      }
      try {
        return await run(channel, payload);
      } catch (error) {
        if (isUserError(error)) return { ok: false, error: { code: error.code, message: error.message } };
        process.stderr.write(
          `host: '${channel}' failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        return bug(error);
      }
    },
  };
}
