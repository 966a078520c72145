import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from './run-cli';

/** The server's own command line entry (its package's `bin`). */
const SERVER_ENTRY = path.join(PACKAGE_ROOT, 'node_modules', 'turborepo-remote-cache', 'dist', 'cli.js');

/** A real `turborepo-remote-cache` server on a loopback port, storing on a temporary folder. */
export interface CacheServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly token: string;
  /** The folder the server stores artifacts in: `<storage>/<team>/<hash>` (and `<hash>.tag`). */
  readonly storage: string;
  /** Every file under the storage folder with its content, to tell whether anything was written. */
  snapshot(): Record<string, string>;
  /** Stops the server (the storage folder stays until `dispose`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and storage, after `stop`. */
  restart(): Promise<void>;
  /** Stops the server and removes its storage folder. */
  dispose(): Promise<void>;
}

export interface CacheServerOptions {
  token?: string;
  /**
   * The server keeps `x-artifact-tag` signatures only when it has a signature key of its own (it never
   * checks them: the clients do); true by default, as the README tells admins to run it.
   */
  keepsSignatures?: boolean;
  /** READ_ONLY: the server refuses every upload. */
  readOnly?: boolean;
}

/** A port free on 127.0.0.1 now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the cache server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/v8/artifacts/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the cache server did not start within 30 s:\n${output()}`);
}

function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGKILL: the server's graceful close waits up to 10 s for keep-alive connections.
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function listFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!fs.existsSync(root)) return files;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = fs.readFileSync(full).toString('base64');
  }
  return files;
}

/**
 * Starts the real `turborepo-remote-cache` (a devDependency) as a child process on 127.0.0.1 with local storage in
 * a temporary folder, and waits until it answers. Tests stop it in afterAll (`dispose`).
 */
export async function startCacheServer(options: CacheServerOptions = {}): Promise<CacheServer> {
  const token = options.token ?? 'test-token-for-the-cache-server';
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-cache-server-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    TURBO_TOKEN: token,
    STORAGE_PROVIDER: 'local',
    STORAGE_PATH: storage,
    STORAGE_PATH_USE_TMP_FOLDER: 'false',
    LOG_LEVEL: 'warn',
    ...(options.keepsSignatures === false ? {} : { TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'tags-on' }),
    ...(options.readOnly ? { READ_ONLY: 'true' } : {}),
  };
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    output = '';
    child = spawn(process.execPath, [SERVER_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await waitUntilReady(url, child, () => output);
  };
  await start();
  return {
    url,
    token,
    storage,
    snapshot: () => listFiles(storage),
    stop: () => stopProcess(child),
    restart: start,
    dispose: async () => {
      await stopProcess(child);
      fs.rmSync(storage, { recursive: true, force: true });
    },
  };
}
