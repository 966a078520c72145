/**
 * Messages of the browser host's WebSocket, which carries the IPC contract to a
 * browser. The socket URL is `/ws?token=<access token>`; the server refuses any other.
 */
import type { Channel, ContractErrorPayload, EventName, EventPayloads, InvokeResult } from './contract';

export type ClientMessage = { type: 'invoke'; id: number; channel: Channel; request: unknown };

export type ServerMessage =
  | { type: 'result'; id: number; result: InvokeResult<unknown> }
  /** A message the host could not read (not JSON, no numeric id): it names the problem; the socket stays open. */
  | { type: 'error'; error: ContractErrorPayload }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventPayloads[E] } }[EventName];

/** Query parameter that carries the access token, on the page URL and on the socket URL. */
export const TOKEN_PARAM = 'token';
export const SOCKET_PATH = '/ws';
