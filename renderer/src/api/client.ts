/**
 * The renderer's one door to the host: `window.configTool` when a preload exposed
 * it (Electron), otherwise the WebSocket transport (browser host).
 */
import type { Channel, ConfigToolApi, EventName, EventPayloads, RequestOf, ResponseOf } from '../../../common/contract';
import { createBrowserTransport, type BrowserTransport } from './browser-transport';
import { ContractError } from './contract-error';

declare global {
  interface Window {
    configTool?: ConfigToolApi;
  }
}

let api: ConfigToolApi | null = null;
let transport: BrowserTransport | null = null;

/** The API object, created on first use. */
export function getApi(): ConfigToolApi {
  if (api) return api;
  if (window.configTool) {
    api = window.configTool;
  } else {
    transport = createBrowserTransport();
    api = transport;
  }
  return api;
}

/** 'electron' or 'browser': a few flows differ (window switching, downloads, exit). */
export function hostKind(): ConfigToolApi['host'] {
  return getApi().host;
}

/** Calls a channel and returns its value; throws a ContractError when the host refused it. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await getApi().invoke(channel, request);
  if (!result.ok) throw new ContractError(result.error);
  return result.value;
}

/** Subscribes to a host event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return getApi().on(event, listener);
}

/** Runs `listener` after the browser socket reconnected (never under Electron, whose IPC does not drop). */
export function onReconnect(listener: () => void): () => void {
  getApi();
  return transport ? transport.onReconnect(listener) : () => undefined;
}

/** Reports the browser socket's state; under Electron it is always open. */
export function onConnectionState(listener: (state: 'connecting' | 'open' | 'closed') => void): () => void {
  getApi();
  return transport ? transport.onConnectionState(listener) : () => undefined;
}
