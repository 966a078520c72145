import http from 'node:http';
import type net from 'node:net';

/** A small local HTTP server that misbehaves on purpose, for the faults the real cache server won't make. */
export interface LocalServer {
  readonly url: string;
  /** Requests it has received. */
  readonly requests: { method: string; url: string }[];
  close(): Promise<void>;
}

/** Like LocalServer, for a proxy: how many requests it had in flight at most. */
export interface CountingProxy extends LocalServer {
  maxInFlight(): number;
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

async function localServer(
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<LocalServer & { server: http.Server }> {
  const requests: { method: string; url: string }[] = [];
  const sockets = new Set<net.Socket>();
  const { server, url } = await listen((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '' });
    handler(request, response);
  });
  // Closing ends the connections a fault left open (a request never answered).
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    server,
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/** Accepts every request and never answers: a hung server, for the timeout. */
export function startSilentServer(): Promise<LocalServer> {
  return localServer(() => undefined);
}

/** Answers every request with `status` (a 5xx, say). */
export function startStatusServer(status: number): Promise<LocalServer> {
  return localServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"down for maintenance"}');
  });
}

/** Promises a body of `size` bytes, sends half of it and resets the connection: a download cut off. */
export function startResettingServer(size = 4096): Promise<LocalServer> {
  return localServer((request, response) => {
    if (request.method !== 'GET') return void response.writeHead(200).end('{}');
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) });
    response.write(Buffer.alloc(size / 2, 1), () => setImmediate(() => request.socket.resetAndDestroy()));
  });
}

/** Forwards every request to `target` (the real cache server), counting those in flight at once. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  let inFlight = 0;
  let max = 0;
  const local = await localServer((request, response) => {
    inFlight += 1;
    max = Math.max(max, inFlight);
    const upstream = http.request(
      `${target}${request.url}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', () => (inFlight -= 1));
      },
    );
    upstream.on('error', () => {
      inFlight -= 1;
      response.destroy();
    });
    request.pipe(upstream);
  });
  return { ...local, maxInFlight: () => max };
}
