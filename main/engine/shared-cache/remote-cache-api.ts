import type { Dispatcher } from 'undici';

/**
 * The Turborepo remote cache HTTP API (v8), as far as the shared cache uses it: artifacts by hash for a
 * team, a bearer token, `x-artifact-tag` signatures. Every call answers a value, never throws: a fault is
 * described for an admin (never with the token) and says whether asking again could help.
 */

/** Where the cache is and how to ask it. */
export interface RemoteCacheEndpoint {
  url: string;
  team: string;
  token: string | null;
  /** Each request (headers and body) is given up after this long. */
  requestTimeoutMs: number;
}

/** Why a request failed. `refusesUs`: the server refuses this client (token, permissions): asking again won't help. */
export interface CacheFault {
  reason: string;
  refusesUs: boolean;
}

export type DownloadOutcome =
  | { kind: 'found'; bytes: Buffer; tag: string | null }
  | { kind: 'not-found' }
  | { kind: 'too-large' }
  | { kind: 'fault'; fault: CacheFault };

export type UploadOutcome = { kind: 'stored' } | { kind: 'fault'; fault: CacheFault };

/** The server as shown to an admin: its origin and path, never credentials or a query. */
export function describeEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/$/, '')}`;
  } catch {
    return 'the configured URL';
  }
}

/** The address of an artifact: `<url>/v8/artifacts/<hash>?teamId=<team>`. */
export function artifactUrl(endpoint: RemoteCacheEndpoint, hash: string): string {
  const base = endpoint.url.replace(/\/+$/, '');
  return `${base}/v8/artifacts/${encodeURIComponent(hash)}?teamId=${encodeURIComponent(endpoint.team)}`;
}

/**
 * Keep-alive connections shared by every lookup and upload: undici's `request` without fetch's web streams
 * (a lookup costs the client a fraction of fetch's CPU), enough connections for the client's bounded
 * concurrency, idle ones closed after a few seconds so they never keep a finished run's process alive.
 */
let http: Promise<{ request: typeof import('undici').request; connections: Dispatcher }> | undefined;

/** undici and the connections, loaded at the first request: a command that never asks the cache starts without them. */
function httpClient(): NonNullable<typeof http> {
  return (http ??= import('undici').then(({ Agent, request }) => ({
    request,
    connections: new Agent({ connections: 32, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 10_000 }),
  })));
}

function headers(endpoint: RemoteCacheEndpoint, extra: Record<string, string> = {}): Record<string, string> {
  return endpoint.token ? { authorization: `Bearer ${endpoint.token}`, ...extra } : extra;
}

function signalFor(endpoint: RemoteCacheEndpoint, abort?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(endpoint.requestTimeoutMs);
  return abort ? AbortSignal.any([timeout, abort]) : timeout;
}

/** A fault for a request that threw (unreachable, timed out, cut off). */
export function faultOfError(
  endpoint: RemoteCacheEndpoint,
  error: unknown,
  during = 'could not be reached',
): CacheFault {
  const where = `The shared cache at ${describeEndpoint(endpoint.url)}`;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { reason: `${where} did not answer within ${endpoint.requestTimeoutMs / 1000} s.`, refusesUs: false };
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const own = error instanceof Error ? (error as { code?: string }).code : undefined;
  const detail = cause?.code ?? cause?.message ?? own ?? (error instanceof Error ? error.message : String(error));
  return { reason: `${where} ${during} (${detail}).`, refusesUs: false };
}

/** A fault for an answer that is neither a success nor "not found". */
export function faultOfStatus(endpoint: RemoteCacheEndpoint, status: number): CacheFault {
  const where = `The shared cache at ${describeEndpoint(endpoint.url)}`;
  if (status === 401 || status === 403 || (status === 400 && !endpoint.token)) {
    const why = endpoint.token
      ? `refused the token (HTTP ${status}): check it with 'config-tool cache status'`
      : `asks for a token (HTTP ${status}), and none is set: run 'config-tool cache login' or set CONFIG_TOOL_CACHE_TOKEN`;
    return { reason: `${where} ${why}.`, refusesUs: true };
  }
  return { reason: `${where} answered HTTP ${status}.`, refusesUs: false };
}

async function readLimited(body: Dispatcher.ResponseData['body'], length: number, maxBytes: number) {
  if (length > maxBytes) {
    body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      body.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** GETs an artifact (no HEAD first: a 404 is the miss): its bytes and signature, not found, larger than `maxBytes` (not read), or a fault. */
export async function downloadArtifact(
  endpoint: RemoteCacheEndpoint,
  hash: string,
  maxBytes: number,
): Promise<DownloadOutcome> {
  let response: Dispatcher.ResponseData;
  const signal = signalFor(endpoint);
  try {
    const { request, connections } = await httpClient();
    response = await request(artifactUrl(endpoint, hash), {
      dispatcher: connections,
      headers: headers(endpoint),
      signal,
    });
  } catch (error) {
    return { kind: 'fault', fault: faultOfError(endpoint, error) };
  }
  const { statusCode, body } = response;
  if (statusCode === 404 || statusCode < 200 || statusCode >= 300) {
    await body.dump().catch(() => undefined);
    return statusCode === 404 ? { kind: 'not-found' } : { kind: 'fault', fault: faultOfStatus(endpoint, statusCode) };
  }
  try {
    const bytes = await readLimited(body, Number(headerOf(response, 'content-length') ?? NaN), maxBytes);
    if (!bytes) return { kind: 'too-large' };
    return { kind: 'found', bytes, tag: headerOf(response, 'x-artifact-tag') };
  } catch (error) {
    return { kind: 'fault', fault: faultOfError(endpoint, error, 'broke off a download') };
  }
}

function headerOf(response: Dispatcher.ResponseData, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** PUTs an artifact with its signature (when signed); `abort` gives it up early (a bounded flush). */
export async function uploadArtifact(
  endpoint: RemoteCacheEndpoint,
  upload: { hash: string; bytes: Buffer; tag: string | null; abort?: AbortSignal },
): Promise<UploadOutcome> {
  const extra: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (upload.tag) extra['x-artifact-tag'] = upload.tag;
  try {
    const { request, connections } = await httpClient();
    const { statusCode, body } = await request(artifactUrl(endpoint, upload.hash), {
      dispatcher: connections,
      method: 'PUT',
      headers: headers(endpoint, extra),
      body: upload.bytes,
      signal: signalFor(endpoint, upload.abort),
    });
    await body.dump().catch(() => undefined);
    const ok = statusCode >= 200 && statusCode < 300;
    return ok ? { kind: 'stored' } : { kind: 'fault', fault: faultOfStatus(endpoint, statusCode) };
  } catch (error) {
    return { kind: 'fault', fault: faultOfError(endpoint, error) };
  }
}

/** A plain request for `cache status`: the status code and body text, or a fault. */
export async function probe(
  endpoint: RemoteCacheEndpoint,
  request: { method: 'GET' | 'HEAD' | 'PUT'; path: string; body?: Buffer; authorized: boolean },
): Promise<{ kind: 'answered'; status: number; text: string } | { kind: 'fault'; fault: CacheFault }> {
  const base = endpoint.url.replace(/\/+$/, '');
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.authorized
        ? headers(endpoint, request.body ? { 'content-type': 'application/octet-stream' } : {})
        : {},
      body: request.body && new Uint8Array(request.body),
      signal: signalFor(endpoint),
    });
    return { kind: 'answered', status: response.status, text: await response.text() };
  } catch (error) {
    return { kind: 'fault', fault: faultOfError(endpoint, error) };
  }
}
