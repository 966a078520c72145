import { randomBytes } from 'node:crypto';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './open-shared-cache';
import { describeEndpoint, faultOfStatus, probe, type RemoteCacheEndpoint } from './remote-cache-api';
import { SIGNING_KEY_VARIABLE } from './shared-cache-secrets';
import type { SharedCacheSecrets, SharedCacheSettings } from './shared-cache-types';

/** What `cache status` (and Test connection) found: what holds, line by line, and the first problem, if any. */
export interface SharedCacheCheck {
  lines: string[];
  /** Why the cache cannot be used as set; null when it can. Never holds a secret. */
  problem: string | null;
}

/** The artifact id a read-write check uploads: not a hash, so no lookup ever finds it. */
export const PROBE_ARTIFACT = 'config-tool-status-probe';

type Step = (context: CheckContext) => Promise<string>;
interface CheckContext {
  endpoint: RemoteCacheEndpoint;
  settings: SharedCacheSettings;
  secrets: SharedCacheSecrets;
}

/** A problem found by a step: ends the check. */
class CheckProblem extends Error {}

const reach: Step = async ({ endpoint }) => {
  const answer = await probe(endpoint, { method: 'GET', path: '/v8/artifacts/status', authorized: false });
  if (answer.kind === 'fault') throw new CheckProblem(answer.fault.reason);
  if (answer.status !== 200 || !answer.text.includes('"status"')) {
    throw new CheckProblem(
      `${describeEndpoint(endpoint.url)} does not answer as a Turborepo remote cache (HTTP ${answer.status} for /v8/artifacts/status).`,
    );
  }
  if (answer.text.includes('"disabled"'))
    throw new CheckProblem(`${describeEndpoint(endpoint.url)} says its cache is disabled.`);
  return `Reached ${describeEndpoint(endpoint.url)}: a Turborepo remote cache.`;
};

const token: Step = async ({ endpoint }) => {
  const path = `/v8/artifacts/${randomBytes(32).toString('hex')}?teamId=${encodeURIComponent(endpoint.team)}`;
  const answer = await probe(endpoint, { method: 'HEAD', path, authorized: true });
  if (answer.kind === 'fault') throw new CheckProblem(answer.fault.reason);
  if (answer.status !== 404 && answer.status !== 200)
    throw new CheckProblem(faultOfStatus(endpoint, answer.status).reason);
  return `Token accepted for team ${endpoint.team}.`;
};

/**
 * Whether the server keeps signatures, told by how it answers for a hash it lacks: a server that keeps them
 * (run with TURBO_REMOTE_CACHE_SIGNATURE_KEY) looks for the signature first ("Artifact tag not found").
 */
const signatures: Step = async ({ endpoint, secrets }) => {
  const path = `/v8/artifacts/${randomBytes(32).toString('hex')}?teamId=${encodeURIComponent(endpoint.team)}`;
  const answer = await probe(endpoint, { method: 'GET', path, authorized: true });
  if (answer.kind === 'fault') throw new CheckProblem(answer.fault.reason);
  const keeps = answer.text.includes('Artifact tag not found');
  const drops = !keeps && answer.text.includes('Artifact not found');
  if (secrets.signingKey && drops) {
    throw new CheckProblem(
      'The server drops signatures, so every signed download would be refused: run it with TURBO_REMOTE_CACHE_SIGNATURE_KEY set (to any value: the environments check signatures, not the server).',
    );
  }
  if (!secrets.signingKey && keeps) {
    throw new CheckProblem(
      `The server keeps signatures and hides unsigned artifacts, but no signing key is set: run 'config-tool cache login' or set ${SIGNING_KEY_VARIABLE}.`,
    );
  }
  return secrets.signingKey
    ? 'Signing key set: uploads are signed, and downloads without a valid signature are refused.'
    : 'No signing key: downloads are not checked for a signature (production should have one).';
};

const writing: Step = async ({ endpoint, settings }) => {
  if (settings.mode === 'read-only') return 'Mode read-only: this environment never uploads.';
  const path = `/v8/artifacts/${PROBE_ARTIFACT}?teamId=${encodeURIComponent(endpoint.team)}`;
  const answer = await probe(endpoint, { method: 'PUT', path, body: Buffer.from('probe'), authorized: true });
  if (answer.kind === 'fault') throw new CheckProblem(answer.fault.reason);
  if (answer.status === 403) {
    throw new CheckProblem(
      `${describeEndpoint(endpoint.url)} refuses uploads (HTTP 403): the server or the token is read-only; set sharedCache.mode to read-only.`,
    );
  }
  if (answer.status !== 200) throw new CheckProblem(faultOfStatus(endpoint, answer.status).reason);
  return 'Mode read-write: uploads are accepted.';
};

/**
 * Checks that the shared cache can be used as set: reach, token, signatures, and (read-write only) an upload
 * of a small probe. Read-only never writes. Never throws; the first problem ends the check.
 */
export async function checkSharedCache(
  settings: SharedCacheSettings,
  secrets: SharedCacheSecrets,
  options: { requestTimeoutMs?: number } = {},
): Promise<SharedCacheCheck> {
  if (settings.mode === 'off') {
    return {
      lines: [],
      problem: 'The shared cache is off: set sharedCache.mode to read-only or read-write (config-tool config set).',
    };
  }
  if (!settings.url || !settings.team) {
    return { lines: [], problem: `The shared cache is ${settings.mode} but has no ${settings.url ? 'team' : 'url'}.` };
  }
  const endpoint = {
    url: settings.url,
    team: settings.team,
    token: secrets.token,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  const lines: string[] = [];
  for (const step of [reach, token, signatures, writing]) {
    try {
      lines.push(await step({ endpoint, settings, secrets }));
    } catch (error) {
      if (error instanceof CheckProblem) return { lines, problem: error.message };
      return { lines, problem: `The check failed: ${String(error)}` };
    }
  }
  return { lines, problem: null };
}
