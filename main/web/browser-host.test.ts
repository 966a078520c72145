import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseProgressUpdate, type InvokeResult, type ProgressUpdate } from '../../common/contract';
import type { LogLine, ModulePreparationStatus } from '../../common/domain';
import type { ServerMessage } from '../../common/ws-protocol';
import { tokenCookieName } from './access-token';
import { MAX_IN_FLIGHT_PER_SOCKET, MAX_SOCKETS, startBrowserHost, type BrowserHost } from './browser-host';

let host: BrowserHost;
let base: string;
let port: number;
let workDir: string;
const warnings: string[] = [];

/** Opens the socket with `token`; resolves with the socket, or with the HTTP status that refused it. */
function connect(token: string | null, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  const url = `${base.replace('http', 'ws')}/ws${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

/** Sends `messages` (raw text) and collects the server's messages until `count` arrived. */
function exchange(ws: WebSocket, messages: string[], count: number): Promise<ServerMessage[]> {
  return new Promise((resolve) => {
    const received: ServerMessage[] = [];
    const onMessage = (data: WebSocket.RawData) => {
      received.push(JSON.parse(String(data)) as ServerMessage);
      if (received.length === count) {
        ws.off('message', onMessage);
        resolve(received);
      }
    };
    ws.on('message', onMessage);
    for (const message of messages) ws.send(message);
  });
}

/** Sends one invoke and resolves with its result (events and other answers on the socket are ignored). */
function invoke(ws: WebSocket, id: number, channel: string, request: unknown): Promise<InvokeResult<unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, request }));
  });
}

/** The host still answers: a fresh socket gets environment.status. */
async function expectServing(): Promise<void> {
  const ws = (await connect(host.token)) as WebSocket;
  expect(ws).toBeInstanceOf(WebSocket);
  const result = await invoke(ws, 99, 'environment.status', {});
  ws.close();
  expect(result.ok).toBe(true);
}

/** A plain HTTP GET with full control of the headers (fetch does not let a test set Host). */
function get(pathAndQuery: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (response) => {
      response.resume();
      resolve(response);
    });
    request.on('error', reject);
  });
}

/**
 * Opens a socket by hand, writes `frame` after the handshake and resolves with the close
 * code the server sends back (null when it just drops the connection).
 */
function rawFrame(frame: Buffer): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    socket.on('error', reject);
    socket.on('connect', () =>
      socket.write(
        [
          `GET /ws?token=${host.token} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      ),
    );
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        expect(buffer.subarray(0, 12).toString()).toBe('HTTP/1.1 101');
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        socket.write(frame);
      }
      // A close frame: opcode 8, then its payload's first two bytes are the code.
      if (buffer.length >= 4 && (buffer[0]! & 0x0f) === 8) {
        resolve(buffer.readUInt16BE(2));
        socket.destroy();
      }
    });
    socket.on('close', () => resolve(null));
  });
}

/** A client text frame (masked, as clients must) carrying `payload` bytes. */
function maskedTextFrame(payload: Buffer): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-host-'));
  const rendererDir = path.join(workDir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><script type="module" src="./assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  host = await startBrowserHost({
    environmentDir: path.join(workDir, 'env'),
    createDemo: true,
    rendererDir,
    onWarning: (message) => warnings.push(message),
  });
  base = new URL(host.url).origin;
  port = Number(new URL(host.url).port);
}, 120_000);

afterAll(async () => {
  await host?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('browser host', () => {
  it('binds 127.0.0.1 and puts a long random token in its address', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(new URL(host.url).searchParams.get('token')).toBe(host.token);
  });

  it('refuses pages without the token or with a wrong one (403)', async () => {
    expect((await fetch(`${base}/`)).status).toBe(403);
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(403);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(403);
  });

  it('moves the token from the address into a cookie named for its port, and drops it from the address bar', async () => {
    const first = await fetch(host.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie.startsWith(`${tokenCookieName(port)}=${host.token};`)).toBe(true);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
  });

  it("does not take another port's cookie (two serve instances on one address)", async () => {
    const otherPortCookie = `${tokenCookieName(port + 1)}=${host.token}`;
    expect((await fetch(`${base}/`, { headers: { cookie: otherPortCookie } })).status).toBe(403);
    expect(await connect(null, { Cookie: otherPortCookie })).toBe(403);
    const ws = await connect(null, { Cookie: `${tokenCookieName(port)}=${host.token}` });
    expect(ws).toBeInstanceOf(WebSocket);
    (ws as WebSocket).close();
  });

  it('does not serve files outside the renderer build', async () => {
    const cookie = `${tokenCookieName(port)}=${host.token}`;
    const response = await fetch(`${base}/..%2f..%2fenv/environment.db`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });

  it('refuses a request whose Host is not the bound address, token or not (DNS rebinding)', async () => {
    const cookie = `${tokenCookieName(port)}=${host.token}`;
    expect((await get(`/?token=${host.token}`, { Host: 'rebind.example' })).statusCode).toBe(421);
    expect((await get('/', { Host: `rebind.example:${port}`, Cookie: cookie })).statusCode).toBe(421);
    expect((await get('/', { Host: `127.0.0.1:${port + 1}`, Cookie: cookie })).statusCode).toBe(421);
    expect((await get('/', { Host: `127.0.0.1:${port}`, Cookie: cookie })).statusCode).toBe(200);
    expect((await get('/', { Host: `localhost:${port}`, Cookie: cookie })).statusCode).toBe(200);
    expect(await connect(host.token, { Host: `rebind.example:${port}` })).toBe(421);
  });

  it('refuses sockets without the token, with a wrong one, or from a foreign origin', async () => {
    expect(await connect(null)).toBe(403);
    expect(await connect('wrong')).toBe(403);
    expect(await connect(host.token, { Origin: 'http://evil.example' })).toBe(403);
    // The Origin is checked against the bound address, not against the Host the page used.
    expect(await connect(host.token, { Origin: `http://rebind.example:${port}`, Host: `127.0.0.1:${port}` })).toBe(403);
    expect(await connect(host.token, { Origin: `https://127.0.0.1:${port}` })).toBe(403);
    const ws = await connect(host.token, { Origin: base });
    expect(ws).toBeInstanceOf(WebSocket);
    (ws as WebSocket).close();
  });

  it('answers environment.status over the socket', async () => {
    const ws = await connect(host.token, { Origin: base });
    expect(ws).toBeInstanceOf(WebSocket);
    const result = await invoke(ws as WebSocket, 1, 'environment.status', {});
    (ws as WebSocket).close();
    expect(result.ok).toBe(true);
    const status = (
      result as { ok: true; value: { platformVersion: string; installedVersion: string; upgradePending: boolean } }
    ).value;
    expect(status.platformVersion).toBe('11.11.3');
    expect(status.upgradePending).toBe(true);
  });

  it('rejects a payload its schema refuses with bad-request, before it reaches the service', async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const result = await invoke(ws, 2, 'modules.detail', { name: '../x' });
    const unknown = await invoke(ws, 3, 'modules.drop', {});
    ws.close();
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining("at 'name'") },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers malformed and unknown messages with an error, and keeps the socket open', async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const answers = await exchange(ws, ['not json', '[1,2]', JSON.stringify({ type: 'invoke', channel: 'x' })], 3);
    for (const answer of answers) expect(answer).toMatchObject({ type: 'error', error: { code: 'bad-request' } });
    expect(await exchange(ws, [JSON.stringify({ type: 'subscribe', id: 7 })], 1)).toEqual([
      { type: 'result', id: 7, result: { ok: false, error: { code: 'bad-request', message: expect.any(String) } } },
    ]);
    expect((await invoke(ws, 8, 'environment.status', {})).ok).toBe(true);
    ws.close();
  });

  it('answers user errors from the engine with their code', async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const result = await invoke(ws, 4, 'modules.detail', { name: 'NoSuchModule' });
    ws.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('closes only the socket that sent a 12 MB message; serving goes on', async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 1,
        channel: 'environment.status',
        request: { pad: 'x'.repeat(12 * 1024 * 1024) },
      }),
    );
    expect(await closed).toBe(1009);
    await expectServing();
    expect(warnings.some((warning) => warning.includes('closed a socket'))).toBe(true);
  });

  it('closes only the socket that sent invalid UTF-8 (1007) or broke the protocol (1002)', async () => {
    expect(await rawFrame(maskedTextFrame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))).toBe(1007);
    await expectServing();
    // A client frame without the mask bit.
    expect(await rawFrame(Buffer.from([0x81, 0x02, 0x68, 0x69]))).toBe(1002);
    await expectServing();
  });

  it(`answers 'busy' past ${MAX_IN_FLIGHT_PER_SOCKET} requests in flight on one socket`, async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const count = MAX_IN_FLIGHT_PER_SOCKET * 3;
    const messages = Array.from({ length: count }, (_, i) =>
      JSON.stringify({ type: 'invoke', id: 1000 + i, channel: 'environment.status', request: {} }),
    );
    const answers = await exchange(ws, messages, count);
    ws.close();
    const busy = answers.filter((answer) => answer.type === 'result' && !answer.result.ok);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) expect(answer).toMatchObject({ result: { error: { code: 'busy' } } });
    expect(answers.filter((answer) => answer.type === 'result' && answer.result.ok).length).toBeGreaterThanOrEqual(
      MAX_IN_FLIGHT_PER_SOCKET,
    );
  });

  it(`refuses more than ${MAX_SOCKETS} sockets at once with 503`, async () => {
    const open: WebSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS; i++) open.push((await connect(host.token)) as WebSocket);
    expect(await connect(host.token)).toBe(503);
    await Promise.all(open.map((ws) => new Promise((resolve) => (ws.once('close', resolve), ws.close()))));
    await expectServing();
  });
  // Last: it upgrades the environment the tests above read.
  it('carries an upgrade as coalesced updates that rebuild the whole state a window reloading at the end gets', async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const updates: ProgressUpdate[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type !== 'event' || message.event !== 'preparation.update') return;
      const update = parseProgressUpdate(message.payload);
      expect(update, 'every update matches the contract').not.toBeNull();
      updates.push(update!);
      if (update!.progress?.status === 'finished') finished();
    });
    const started = await invoke(ws, 5, 'upgrade.start', {});
    expect(started).toMatchObject({ ok: true, value: { upgradeStarted: true } });
    await done;

    // Replaying the deltas gives what a window holds; it equals the full state asked for now.
    const log: LogLine[] = [];
    const statuses = new Map<string, ModulePreparationStatus>();
    for (const update of updates) {
      expect(update.full).toBe(false);
      expect(update.log.from).toBe(log.length);
      log.push(...update.log.lines);
      for (const change of update.modules) statuses.set(change.name, change.status);
    }
    const state = await invoke(ws, 6, 'preparation.state', {});
    ws.close();
    expect(state.ok).toBe(true);
    const full = parseProgressUpdate((state as { ok: true; value: unknown }).value)!;
    expect(full.full).toBe(true);
    expect(full.log.lines.map((line) => line.text)).toEqual(log.map((line) => line.text));
    expect(full.progress?.counts).toEqual(updates.at(-1)!.progress?.counts);
    const counts = full.progress!.counts;
    expect(statuses.size).toBe(counts.prepared + counts.failed + counts.skipped);
    expect([...statuses.values()].filter((status) => status === 'failed')).toHaveLength(counts.failed);
    expect(updates.map((update) => update.seq)).toEqual(updates.map((_, index) => index + 1));
  }, 300_000);
});
