import fs from 'node:fs';
import { createFileSystemWithLib } from 'typescript-native/fs';
import { API, type Snapshot } from 'typescript-native/sync';
import { findNativeBinary, NativeCompilerMissingError, type NativeBinary } from './native-binary';
import { GLOBALS_PATH, RUNTIME_PATH, type KindSettings } from './platform-libs';
import { RUNTIME_GLOBALS_DTS } from './runtime-globals';
import { processRssBytes } from '../process/process-memory';

/** A file that makes the base snapshot parse and bind the libraries once, before any module. */
const WARM_PATH = '/__platform__/warm.ts';

/**
 * One TypeScript 7 native API server (a child process of the compiler process) and its warm base
 * snapshots, one per platform version and library set: each compilation forks from one and is
 * disposed after, so lib and runtime files are parsed once per server.
 */
export class NativeServer {
  private api: API | undefined;
  private readonly bases = new Map<string, Snapshot>();
  private binary: NativeBinary | undefined;

  constructor(private readonly options: { binary?: NativeBinary } = {}) {}

  /** Where the native compiler is (throws NativeCompilerMissingError when it is not installed). */
  get nativeBinary(): NativeBinary {
    this.binary ??= this.options.binary ?? findNativeBinary();
    return this.binary;
  }

  /** The warm base snapshot of these settings and runtime, the server started on first use. */
  base(settings: KindSettings, runtimeDts: string): Snapshot {
    let base = this.bases.get(settings.key);
    if (base) return base;
    const api = this.start();
    const files: [string, string][] = [
      [RUNTIME_PATH, runtimeDts],
      [WARM_PATH, 'export {};\n'],
    ];
    if (settings.runtimeGlobals) files.push([GLOBALS_PATH, RUNTIME_GLOBALS_DTS]);
    base = api.createSnapshot({
      fileSystem: createFileSystemWithLib(files, { defaultLibraryPath: this.nativeBinary.libDir }),
      createPrograms: [
        {
          rootFiles: files.map(([name]) => name).filter((name) => name !== RUNTIME_PATH),
          compilerOptions: settings.options,
        },
      ],
    });
    // Checking the warm program parses and binds the libraries, which every fork then shares.
    base.operation.createdPrograms?.[0]?.getSemanticDiagnostics();
    this.bases.set(settings.key, base);
    return base;
  }

  /** Process id of the running server, undefined when none runs. */
  get pid(): number | undefined {
    return serverChild(this.api)?.pid;
  }

  /** Resident memory of the server in bytes (0 when none runs or the OS does not tell). */
  rssBytes(): number {
    const pid = this.pid;
    return pid === undefined ? 0 : processRssBytes(pid);
  }

  /** Kills the server process as a crash would (test faults); the API notices at its next request. */
  killForTest(): void {
    const child = serverChild(this.start());
    if (!child?.pid) return;
    process.kill(child.pid, 'SIGKILL');
    // Wait until it is gone, so the next request meets a dead server, as after a real crash. No short
    // bound: on a loaded machine a killed server can take over a second to go, and a request sent to it
    // meanwhile would succeed, so the test would not test what it says.
    const deadline = Date.now() + 60_000;
    while (processRssBytes(child.pid) > 0) {
      if (Date.now() > deadline) throw new Error(`killForTest: the native server (PID ${child.pid}) is still there`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }

  /** Stops the server; the next compilation starts a fresh one. */
  close(): void {
    const api = this.api;
    this.api = undefined;
    this.bases.clear();
    if (!api) return;
    try {
      api.close();
    } catch {
      serverChild(api)?.kill('SIGKILL');
    }
  }

  private start(): API {
    if (this.api) return this.api;
    const { exe } = this.nativeBinary;
    try {
      fs.accessSync(exe, fs.constants.X_OK);
    } catch {
      throw new NativeCompilerMissingError(`${exe} cannot be executed`);
    }
    this.api = new API({ tsserverPath: exe, cwd: '/', useCaseSensitiveFileNames: true });
    return this.api;
  }
}

/** True when an error says the server process ended or its pipe broke (as opposed to a compiler error). */
export function isServerGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Unexpected EOF|SyncRpcChannel is closed|EPIPE|ECONNRESET|write after end/i.test(message);
}

/** The server's child process, reached through the API client's channel (not part of the typed API). */
function serverChild(api: API | undefined): import('node:child_process').ChildProcess | undefined {
  return (
    api as unknown as { client?: { channel?: { child?: import('node:child_process').ChildProcess } } } | undefined
  )?.client?.channel?.child;
}
