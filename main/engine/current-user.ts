import os from 'node:os';

/** Who runs this process: the user named in the operations log and lock messages. */
export function currentUser(): string {
  try {
    return process.env.CONFIG_TOOL_USER || os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
