/**
 * `window.configTool` for a plain browser (the `config-tool serve` host): the IPC
 * contract carried over a WebSocket (common/ws-protocol.ts). Reconnects with
 * backoff; listeners registered with `onReconnect` re-fetch state afterwards.
 */
import type {
  Channel,
  ConfigToolApi,
  EventName,
  EventPayloads,
  InvokeResult,
  ResponseOf,
} from '../../../common/contract';
import { SOCKET_PATH, TOKEN_PARAM, type ClientMessage, type ServerMessage } from '../../../common/ws-protocol';

/** The socket's state, shown to the admin when the connection is lost. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The browser API plus the connection hooks only a socket needs. */
export interface BrowserTransport extends ConfigToolApi {
  onReconnect(listener: () => void): () => void;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 8000;

interface Pending {
  message: ClientMessage;
  resolve: (result: InvokeResult<unknown>) => void;
  sent: boolean;
}

/** Builds the socket URL from the page's origin and its `?token=` parameter. */
export function socketUrl(location: Location): string {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM);
  const origin = location.origin.replace(/^http/, 'ws');
  // Without a token in the page URL (e.g. a reload of a bookmarked address) the host's cookie carries it.
  return token === null
    ? `${origin}${SOCKET_PATH}`
    : `${origin}${SOCKET_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

/** Opens the socket and returns the API object; the socket stays open for the page's lifetime. */
export function createBrowserTransport(url: string = socketUrl(window.location)): BrowserTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let backoff = MIN_BACKOFF_MS;
  let everOpened = false;
  let state: ConnectionState = 'connecting';
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    state = next;
    stateListeners.forEach((listener) => listener(next));
  };
  const disconnected: InvokeResult<never> = {
    ok: false,
    error: {
      code: 'disconnected',
      message:
        'The connection to the Configuration Tool service was lost, so this was not done. Try again once it is back.',
    },
  };

  const send = (entry: Pending) => {
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(entry.message));
      entry.sent = true;
    }
  };

  const onMessage = (raw: MessageEvent) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(raw.data)) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      entry.resolve(message.result);
    } else if (message.type === 'event') {
      eventListeners.get(message.event)?.forEach((listener) => listener(message.payload));
    }
  };

  const connect = () => {
    // Retrying after a connection that worked is still "closed" for the admin: no flicker between attempts.
    setState(everOpened ? 'closed' : 'connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      backoff = MIN_BACKOFF_MS;
      setState('open');
      // Requests made while disconnected go out now.
      pending.forEach((entry) => !entry.sent && send(entry));
      if (everOpened) reconnectListeners.forEach((listener) => listener());
      everOpened = true;
    });
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      setState('closed');
      // An answer to a request already sent is lost with the socket, and one queued after a
      // connection that worked may never go out (a restarted host has a new port and token): fail both rather than hang.
      pending.forEach((entry, id) => {
        if (!entry.sent && !everOpened) return;
        pending.delete(id);
        entry.resolve(disconnected);
      });
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  };

  connect();

  return {
    host: 'browser',
    invoke<C extends Channel>(channel: C, request: unknown) {
      return new Promise<InvokeResult<ResponseOf<C>>>((resolve) => {
        // While the connection is down after having worked, say so at once instead of queueing.
        if (state === 'closed') {
          resolve(disconnected);
          return;
        }
        const id = nextId++;
        const entry: Pending = {
          message: { type: 'invoke', id, channel, request },
          resolve: resolve as (result: InvokeResult<unknown>) => void,
          sent: false,
        };
        pending.set(id, entry);
        send(entry);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    onConnectionState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
