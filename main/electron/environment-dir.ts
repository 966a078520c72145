/** Where the desktop app's environment lives: the same rule as the CLI and the browser host. */
import path from 'node:path';
import { ENVIRONMENT_DIR_VARIABLE } from '../engine/environment-location';

/** The chosen folder and why: only the per-user default gets a demo environment on first launch. */
export interface EnvironmentChoice {
  dir: string;
  source: 'variable' | 'argument' | 'default';
}

/** `--env DIR` / `--env=DIR` on the command line, else `CONFIG_TOOL_ENV`, else `<userData>/environment` (as the CLI: an explicit argument wins). */
export function chooseEnvironmentDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
): EnvironmentChoice {
  const fromArgument = readEnvArgument(argv);
  if (fromArgument) return { dir: path.resolve(fromArgument), source: 'argument' };
  const fromVariable = env[ENVIRONMENT_DIR_VARIABLE];
  if (fromVariable) return { dir: path.resolve(fromVariable), source: 'variable' };
  return { dir: path.join(userDataDir, 'environment'), source: 'default' };
}

function readEnvArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--env') return argv[i + 1];
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return undefined;
}
