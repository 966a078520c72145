import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from './run-cli';

/** The `config-tool` entry point a test starts as a process of its own. */
export const CLI_BIN = path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs');

/** A `config-tool` command running in the background (an upgrade another terminal acts during). */
export interface BackgroundCli {
  child: ChildProcess;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /**
   * Resolves on the very chunk of output after which `stream` (all of it so far) matches `pattern`, with no
   * polling delay (a test that must act before the command goes further); fails if the process ends first.
   */
  printed(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<void>;
}

/** Starts `config-tool ARGS` as its own process; `exited` resolves to its exit status. */
export function startCli(args: string[], extraEnv: Record<string, string> = {}): BackgroundCli {
  return track(
    spawn(process.execPath, [CLI_BIN, ...args], {
      env: { ...process.env, CONFIG_TOOL_ENV: '', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Starts a shell command line (`sh -c`), for a test that needs `config-tool` under an unusual parent. */
export function startShell(command: string, extraEnv: Record<string, string> = {}): BackgroundCli {
  return track(
    spawn('sh', ['-c', command], {
      env: { ...process.env, CONFIG_TOOL_ENV: '', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

function track(child: ChildProcess): BackgroundCli {
  const output = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const onData = (stream: 'stdout' | 'stderr') => (chunk: string) => {
    output[stream] += chunk;
    for (const check of [...waiters]) check();
  };
  child.stdout!.setEncoding('utf8').on('data', onData('stdout'));
  child.stderr!.setEncoding('utf8').on('data', onData('stderr'));
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      for (const check of [...waiters]) check();
      resolve(code);
    }),
  );
  const printed = (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stderr') =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output[stream])) {
          waiters.delete(check);
          resolve();
        } else if (ended) {
          waiters.delete(check);
          reject(new Error(`the process ended without printing ${pattern} on ${stream}:\n${output[stream]}`));
        }
      };
      waiters.add(check);
      check();
    });
  return { child, exited, stdout: () => output.stdout, stderr: () => output.stderr, printed };
}

/** Kills the process with SIGKILL unless it has already ended (a test's `finally`). */
export function killIfRunning(background: BackgroundCli): void {
  if (background.child.exitCode === null && background.child.signalCode === null) background.child.kill('SIGKILL');
}

/** Polls `condition` every 100 ms until it holds; fails naming `what` after `limitMs`. */
export async function waitFor(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
