/**
 * The IPC endpoint: one `ipcMain.handle` per contract channel. Each handler checks the
 * sender (one of our windows, showing our renderer) before the shared contract handler
 * validates the payload with zod and runs it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel } from '../../common/channels';
import type { InvokeResult } from '../../common/contract';
import { log } from './log';

/** What the endpoint needs: who may call, and the shared contract handler. */
export interface IpcEndpointOptions {
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  handle(channel: Channel, payload: unknown, event: IpcMainInvokeEvent): Promise<InvokeResult<unknown>>;
}

/** Registers a handler for every channel in CHANNELS; returns a function that removes them. */
export function registerIpcEndpoint(options: IpcEndpointOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<InvokeResult<unknown>> => {
      if (!options.isTrustedSender(event)) {
        log('warn', `refused '${channel}' from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This window may not use the Configuration Tool API.' },
        };
      }
      try {
        return await options.handle(channel, payload, event);
      } catch (error) {
        // The contract handler turns user errors into results; anything thrown here is a bug.
        log('error', `'${channel}' failed: ${(error as Error).stack ?? String(error)}`);
        return { ok: false, error: { code: 'internal', message: `The request '${channel}' failed unexpectedly.` } };
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
