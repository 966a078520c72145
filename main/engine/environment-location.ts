import os from 'node:os';
import path from 'node:path';

/** The desktop app's product name; Electron names its per-user folder after it. */
export const PRODUCT_NAME = 'Platform Configuration Tool';

/** Overrides the default environment folder for the CLI, the browser host and the desktop app. */
export const ENVIRONMENT_DIR_VARIABLE = 'CONFIG_TOOL_ENV';

/** What the default location depends on; the defaults are this process's. */
export interface LocationInputs {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

/**
 * The per-user folder Electron's `app.getPath('userData')` gives for PRODUCT_NAME,
 * computed without Electron so the CLI and the browser host find the same environment.
 */
export function userDataDir(inputs: LocationInputs = {}): string {
  const env = inputs.env ?? process.env;
  const platform = inputs.platform ?? process.platform;
  const homeDir = inputs.homeDir ?? os.homedir();
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDir, 'Library', 'Application Support', PRODUCT_NAME);
  }
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(homeDir, '.config');
  return path.posix.join(configHome, PRODUCT_NAME);
}

/** The environment folder used when none is given: `CONFIG_TOOL_ENV`, else `<userData>/environment`. */
export function defaultEnvironmentDir(inputs: LocationInputs = {}): string {
  const env = inputs.env ?? process.env;
  const override = env[ENVIRONMENT_DIR_VARIABLE];
  if (override) return path.resolve(override);
  const platform = inputs.platform ?? process.platform;
  return (platform === 'win32' ? path.win32 : path.posix).join(userDataDir(inputs), 'environment');
}
