import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SOCKET_PATH, TOKEN_PARAM, type ClientMessage, type ServerMessage } from '../../common/ws-protocol';
import { UserError } from '../engine/errors';
import { findPackageRoot } from '../engine/platform/platform-versions';
import { createContractHandlers, type HostActions } from '../host/contract-handlers';
import { nodeServiceSpawn } from '../host/node-service';
import { startServiceConnection } from '../host/service-connection';
import { createAccessToken, requestToken, tokenCookie, tokensMatch } from './access-token';
import { readStaticFile } from './static-files';

/** The browser gets the same strict policy as the Electron windows. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

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

function refuse(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  response.end(text);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * `config-tool serve`: serves the renderer build to a browser and carries the IPC
 * contract over a WebSocket to the same handlers Electron main registers. Binds
 * 127.0.0.1 by default; every request needs the random access token. Prints nothing.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(findPackageRoot(), 'out', 'renderer'));
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

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const { token: given, fromQuery } = requestToken(request, url);
    if (!tokensMatch(token, given))
      return refuse(response, 403, 'Forbidden: this address needs the access token printed by config-tool serve.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed');
    const file = readStaticFile(rendererDir, url.pathname);
    if (!file) return refuse(response, 404, 'Not found');
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (fromQuery) headers['Set-Cookie'] = tokenCookie(token);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== SOCKET_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!tokensMatch(token, url.searchParams.get(TOKEN_PARAM) ?? requestToken(request, url).token))
      return refuseUpgrade(socket, '403 Forbidden');
    // Another site's page in the same browser must not drive the tool, even if it learnt the token.
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request.headers.host))
      return refuseUpgrade(socket, '403 Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  sockets.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => {
      let message: ClientMessage;
      try {
        message = JSON.parse(String(data)) as ClientMessage;
      } catch {
        return;
      }
      if (message?.type !== 'invoke' || typeof message.id !== 'number') return;
      void handlers.handle(message.channel, message.request).then((result) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ type: 'result', id: message.id, result } satisfies ServerMessage));
      });
    });
  });

  const unsubscribe = service.onEvent((event, payload) => {
    const text = JSON.stringify({ type: 'event', event, payload } as ServerMessage);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  const bindHost = options.host ?? '127.0.0.1';
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
  const { port } = server.address() as AddressInfo;
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

function sameOrigin(origin: string, hostHeader: string | undefined): boolean {
  try {
    return new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}
