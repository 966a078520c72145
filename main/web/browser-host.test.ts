import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseProgressUpdate, type InvokeResult, type ProgressUpdate } from '../../common/contract';
import type { LogLine, ModulePreparationStatus } from '../../common/domain';
import type { ServerMessage } from '../../common/ws-protocol';
import { startBrowserHost, type BrowserHost } from './browser-host';

let host: BrowserHost;
let base: string;
let workDir: string;

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

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-host-'));
  const rendererDir = path.join(workDir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><script type="module" src="./assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  host = await startBrowserHost({ environmentDir: path.join(workDir, 'env'), createDemo: true, rendererDir });
  base = new URL(host.url).origin;
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

  it('serves the page with a strict CSP and a cookie that lets its assets load', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
  });

  it('does not serve files outside the renderer build', async () => {
    const response = await fetch(`${base}/..%2f..%2fenv/environment.db?token=${host.token}`);
    expect(response.status).toBe(404);
  });

  it('refuses sockets without the token, with a wrong one, or from a foreign origin', async () => {
    expect(await connect(null)).toBe(403);
    expect(await connect('wrong')).toBe(403);
    expect(await connect(host.token, { Origin: 'http://evil.example' })).toBe(403);
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

  it('answers user errors from the engine with their code', async () => {
    const ws = (await connect(host.token)) as WebSocket;
    const result = await invoke(ws, 4, 'modules.detail', { name: 'NoSuchModule' });
    ws.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
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
