/**
 * Sandboxed preload: exposes the typed contract as `window.configTool` and nothing
 * else. Only the channels and events declared in common/contract.ts pass.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_NAMES } from '../common/channels';
import type { ConfigToolApi, EventName, EventPayloads } from '../common/contract';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

const api: ConfigToolApi = {
  host: 'electron',
  invoke(channel, request) {
    if (!channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad-request', message: `Unknown channel '${String(channel)}'` },
      });
    }
    return ipcRenderer.invoke(channel, request);
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    if (!events.has(event)) throw new Error(`Unknown event '${String(event)}'`);
    // Never hand the IpcRendererEvent (and its sender) to the page.
    const wrapped = (_event: IpcRendererEvent, payload: EventPayloads[E]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('configTool', api);
