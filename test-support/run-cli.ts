import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The package root, where bin/config-tool.cjs lives. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..');
const BIN = path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs');

/** What a finished `config-tool` process left: its exit status and output. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `config-tool` (bin/config-tool.cjs -> out/node/cli.cjs) as a child process,
 * the way an admin or a script does. `CONFIG_TOOL_ENV` is removed so a test never touches the user's folder.
 * `input` is written to its standard input, which is then closed.
 */
export function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONFIG_TOOL_ENV: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      cwd: options.cwd ?? PACKAGE_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A command that exits without reading its input must not fail the test with EPIPE.
    child.stdin.on('error', () => undefined).end(options.input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `config-tool ARGS --env ENV`; `extraEnv` adds variables, such as `faults(…)`. */
export function runCliIn(env: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return runCli([...args, '--env', env], { env: extraEnv });
}

/** The variable that turns on the engine's test faults (`hang:Name`, `delay:150`, `upgrade-crash:step`, …). */
export function faults(spec: string): Record<string, string> {
  return { CONFIG_TOOL_TEST_FAULTS: spec };
}

/** A fresh temporary folder; remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'config-tool-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** True when the folder has anything in it (a half-imported environment would). */
export function hasEntries(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

/** Copies an environment folder, so each test can change its own copy of one slow-to-build environment. */
export function copyEnvironment(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Time limit for a beforeAll that builds an environment through the CLI (compiling takes a while on a busy machine). */
export const SETUP_TIMEOUT_MS = 180_000;
