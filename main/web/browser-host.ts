import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../../common/content-security-policy';
import { CHANNELS, type Channel } from '../../common/channels';
import { SOCKET_PATH, TOKEN_PARAM, type ServerMessage } from '../../common/ws-protocol';
import { UserError } from '../engine/errors';
import { findPackageRoot } from '../engine/platform/platform-versions';
import { createContractHandlers, type ContractHandlers, type HostActions } from '../host/contract-handlers';
import { nodeServiceSpawn } from '../host/node-service';
import { startServiceConnection } from '../host/service-connection';
import { readStaticFile } from '../host/static-files';
import { createAccessToken, requestToken, tokenCookie, tokensMatch, withoutToken } from './access-token';
import { createHostCheck } from './host-check';

/** The browser gets the same strict policy as the Electron windows (common/content-security-policy.ts). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ delivery: 'header' });

/** The largest WebSocket message read; a larger one closes that socket (1009), nothing else. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Open WebSockets at most (browser tabs of one admin); more are refused with 503. */
export const MAX_SOCKETS = 16;
/** Requests one socket may have in flight; more are answered 'busy' at once. */
export const MAX_IN_FLIGHT_PER_SOCKET = 64;
/** HTTP connections served at most (the page and its assets, plus the sockets); past it each request gets 503. */
export const MAX_CONNECTIONS = 128;
/** Seconds a client is asked to wait (Retry-After) when the host is at its connection cap. */
const RETRY_AFTER_SECONDS = 1;
const BUSY_TEXT = `Too many connections at once (${MAX_CONNECTIONS}): try again in a moment.`;

export interface BrowserHostOptions {
  environmentDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Creates the built-in demo environment when the folder holds none. */
  createDemo?: boolean;
  /** The renderer build to serve (default: out/renderer of the package). */
  rendererDir?: string;
  /** Extra variables for the service process (tests pass CONFIG_TOOL_TEST_FAULTS). */
  serviceEnv?: Record<string, string>;
  /** Where the host reports a socket it closed for a bad frame (default: nowhere; `serve` passes stderr). */
  onWarning?: (message: string) => void;
}

/** A running browser host: open `url` (it carries the token) in a browser. */
export interface BrowserHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

// In a browser the windows are routes the renderer navigates to itself, and there is no app to quit.
const browserActions: HostActions = {
  openWindow: () => ({ opened: false }),
  exit: () => ({ exiting: false }),
};

const channelSet = new Set<string>(CHANNELS);

function refuse(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function refuseUpgrade(socket: Duplex, status: string, extraHeaders = ''): void {
  socket.end(`HTTP/1.1 ${status}\r\n${extraHeaders}Connection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Counts the open connections. One past the cap is not dropped (a reset tells a client
 * nothing): it is marked, and its request is answered 503 with Retry-After, as a
 * WebSocket past its cap is.
 */
function trackConnections(server: http.Server): (socket: Duplex) => boolean {
  const open = new Set<Duplex>();
  const overCap = new WeakSet<Duplex>();
  server.on('connection', (socket: Duplex) => {
    open.add(socket);
    if (open.size > MAX_CONNECTIONS) overCap.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return (socket) => overCap.has(socket);
}

/** A socket message read as an invoke: its id, channel and request, or why it can't be one. */
type ParsedMessage =
  { ok: true; id: number; channel: Channel; request: unknown } | { ok: false; id: number | null; message: string };

function parseClientMessage(data: RawData, isBinary: boolean): ParsedMessage {
  if (isBinary) return { ok: false, id: null, message: 'Messages must be JSON text.' };
  let value: unknown;
  try {
    value = JSON.parse(String(data));
  } catch {
    return { ok: false, id: null, message: 'The message is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, id: null, message: 'The message must be a JSON object.' };
  const { type, id, channel, request } = value as Record<string, unknown>;
  const validId = typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
  if (type !== 'invoke') return { ok: false, id: validId, message: `Unknown message type '${String(type)}'.` };
  if (validId === null) return { ok: false, id: null, message: "An 'invoke' message needs a numeric 'id'." };
  if (typeof channel !== 'string' || !channelSet.has(channel))
    return { ok: false, id: validId, message: `Unknown channel '${String(channel)}'.` };
  return { ok: true, id: validId, channel: channel as Channel, request };
}

/** What a request must pass: the bound host (no DNS rebinding), the access token and the connection cap. */
interface RequestGate {
  token: string;
  bindHost: string;
  /** Known once listening (port 0 picks one). */
  port: () => number;
  hostCheck: () => ReturnType<typeof createHostCheck>;
  isOverCap: (socket: Duplex) => boolean;
}

/** Answers an HTTP request: the renderer's files, once the request passed the gate (the token moves into a cookie). */
function answerHttp(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  gate: RequestGate,
  rendererDir: string,
): void {
  const { token, bindHost } = gate;
  const port = gate.port();
  const hostCheck = gate.hostCheck();
  const isOverCap = gate.isOverCap;
  if (isOverCap(request.socket)) {
    response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.setHeader('Connection', 'close');
    return refuse(response, 503, BUSY_TEXT);
  }
  if (!hostCheck.isAllowedHost(request.headers.host))
    return refuse(response, 421, `Misdirected request: this host answers to ${bindHost}:${port} only.`);
  const url = new URL(request.url ?? '/', 'http://localhost');
  const { token: given, fromQuery } = requestToken(request, url, port);
  if (!tokensMatch(token, given))
    return refuse(response, 403, 'Forbidden: this address needs the access token printed by config-tool serve.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed');
  if (fromQuery) {
    // The token moves into this port's cookie and leaves the address bar (and the browser history).
    response.writeHead(303, {
      Location: withoutToken(url),
      'Set-Cookie': tokenCookie(token, port),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    response.end();
    return;
  }
  const file = readStaticFile(rendererDir, url.pathname);
  if (!file) return refuse(response, 404, 'Not found');
  response.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** One browser's socket: its invoke messages go to the contract's handlers, a few at a time. */
function serveSocket(ws: WebSocket, handlers: ContractHandlers, warn: (message: string) => void): void {
  let inFlight = 0;
  const reply = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  // A frame over the size limit, invalid UTF-8 or a protocol error: ws closes this socket (1009, 1007, 1002).
  ws.on('error', (error) => {
    warn(`browser host: closed a socket: ${error.message}`);
    ws.terminate();
  });
  ws.on('message', (data, isBinary) => {
    const parsed = parseClientMessage(data, isBinary);
    if (!parsed.ok) {
      const error = { code: 'bad-request', message: parsed.message };
      if (parsed.id === null) reply({ type: 'error', error });
      else reply({ type: 'result', id: parsed.id, result: { ok: false, error } });
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT_PER_SOCKET) {
      reply({
        type: 'result',
        id: parsed.id,
        result: {
          ok: false,
          error: { code: 'busy', message: `Too many requests at once (${MAX_IN_FLIGHT_PER_SOCKET}): try again.` },
        },
      });
      return;
    }
    inFlight++;
    void handlers
      .handle(parsed.channel, parsed.request)
      .catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'internal', message: `The request '${parsed.channel}' failed: ${String(error)}` },
      }))
      .then((result) => {
        inFlight--;
        reply({ type: 'result', id: parsed.id, result });
      });
  });
}

/**
 * `config-tool serve`: serves the renderer build to a browser and carries the IPC
 * contract over a WebSocket to the same handlers Electron main registers. Binds
 * 127.0.0.1 by default; every request needs the random access token and must name the
 * bound address (no DNS rebinding). A bad socket frame closes that socket only.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(findPackageRoot(), 'out', 'renderer'));
  const warn = options.onWarning ?? (() => undefined);
  const token = createAccessToken();
  const service = startServiceConnection({
    spawn: nodeServiceSpawn({
      environmentDir: options.environmentDir,
      createDemo: options.createDemo,
      env: options.serviceEnv,
    }),
  });
  try {
    await service.ready;
  } catch (error) {
    await service.stop();
    throw new UserError('environment-missing', (error as Error).message);
  }
  const handlers = createContractHandlers(service, browserActions);

  const bindHost = options.host ?? '127.0.0.1';
  // Known once listening (port 0 picks one); requests can't arrive before.
  let port = 0;
  let hostCheck = createHostCheck(bindHost, port);

  const gate: RequestGate = {
    token,
    bindHost,
    port: () => port,
    hostCheck: () => hostCheck,
    isOverCap: (socket) => isOverCap(socket),
  };
  const server = http.createServer((request, response) => answerHttp(request, response, gate, rendererDir));
  const isOverCap = trackConnections(server);
  // A client that breaks HTTP gets its connection closed; the host goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  sockets.on('error', (error) => warn(`browser host: socket server error: ${error.message}`));
  server.on('upgrade', (request, socket, head) => {
    // Until ws owns it, an error on this raw socket must not reach the process.
    socket.on('error', () => socket.destroy());
    if (isOverCap(socket))
      return refuseUpgrade(socket, '503 Service Unavailable', `Retry-After: ${RETRY_AFTER_SECONDS}\r\n`);
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!hostCheck.isAllowedHost(request.headers.host)) return refuseUpgrade(socket, '421 Misdirected Request');
    if (url.pathname !== SOCKET_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!tokensMatch(token, requestToken(request, url, port).token)) return refuseUpgrade(socket, '403 Forbidden');
    // Another site's page in the same browser must not drive the tool, even if it learnt the token.
    const origin = request.headers.origin;
    if (origin !== undefined && !hostCheck.isAllowedOrigin(origin)) return refuseUpgrade(socket, '403 Forbidden');
    if (sockets.clients.size >= MAX_SOCKETS)
      return refuseUpgrade(socket, '503 Service Unavailable', `Retry-After: ${RETRY_AFTER_SECONDS}\r\n`);
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  sockets.on('connection', (ws: WebSocket) => serveSocket(ws, handlers, warn));

  const unsubscribe = service.onEvent((event, payload) => {
    const text = JSON.stringify({ type: 'event', event, payload } as ServerMessage);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, bindHost, () => resolve());
    });
  } catch (error) {
    await service.stop();
    throw new UserError(
      'refused',
      `The browser host could not listen on ${bindHost}:${options.port ?? 0}: ${(error as Error).message}`,
    );
  }
  server.on('error', (error) => warn(`browser host: server error: ${error.message}`));
  port = (server.address() as AddressInfo).port;
  hostCheck = createHostCheck(bindHost, port);
  const urlHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}/?${TOKEN_PARAM}=${token}`,
    token,
    close: () =>
      (closing ??= (async () => {
        unsubscribe();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await service.stop();
      })()),
  };
}
