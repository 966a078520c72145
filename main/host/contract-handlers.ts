import { isChannel, parseRequest, type Channel, type ExportedReport, type InvokeResult } from '../../common/contract';
import type { ServiceConnection } from './service-connection';
import { HOST_CHANNELS } from './service-protocol';

/** What only the host can do: windows, quitting, saving a file with a native dialog. */
export interface HostActions {
  openWindow(window: 'config-tool' | 'setup' | 'console'): Promise<{ opened: boolean }> | { opened: boolean };
  exit(): Promise<{ exiting: boolean }> | { exiting: boolean };
  /** Saves an exported report (Electron: a save dialog); absent in a browser, which downloads the content itself. */
  saveExport?(report: ExportedReport): Promise<ExportedReport>;
}

/** The one handler both Electron main (ipcMain) and the browser host (WebSocket) register. */
export interface ContractHandlers {
  handle(channel: unknown, payload: unknown): Promise<InvokeResult<unknown>>;
}

type HostChannel = (typeof HOST_CHANNELS)[number];

function isHostChannel(channel: Channel): channel is HostChannel {
  return (HOST_CHANNELS as readonly Channel[]).includes(channel);
}

function bug(error: unknown): InvokeResult<never> {
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

/**
 * Validates every request against the contract's schema before anything runs,
 * answers the host's own channels, and sends the rest to the service.
 */
export function createContractHandlers(service: ServiceConnection, hostActions: HostActions): ContractHandlers {
  return {
    async handle(channel, payload) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'bad-request', message: `Unknown channel '${String(channel).slice(0, 80)}'.` },
        };
      }
      const parsed = parseRequest(channel, payload);
      if (!parsed.ok) return parsed;
      try {
        if (isHostChannel(channel)) {
          if (channel === 'window.open') {
            return {
              ok: true,
              value: await hostActions.openWindow(
                (parsed.value as { window: 'config-tool' | 'setup' | 'console' }).window,
              ),
            };
          }
          return { ok: true, value: await hostActions.exit() };
        }
        const result = await service.request(channel, parsed.value);
        if (channel === 'report.export' && result.ok && hostActions.saveExport) {
          return { ok: true, value: await hostActions.saveExport(result.value as ExportedReport) };
        }
        return result;
      } catch (error) {
        process.stderr.write(
          `host: '${channel}' failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        return bug(error);
      }
    },
  };
}
