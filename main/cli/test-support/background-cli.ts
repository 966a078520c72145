import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from './run-cli';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs');

/** A `config-tool` command running in the background (an upgrade another terminal acts during). */
export interface BackgroundCli {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr(): string;
}

/** Starts `config-tool ARGS` as its own process; `exited` resolves to its exit status. */
export function startCli(args: string[], extraEnv: Record<string, string> = {}): BackgroundCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, CONFIG_TOOL_ENV: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

/** Polls `condition` every 100 ms until it holds; fails naming `what` after `limitMs`. */
export async function waitFor(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
