/**
 * Tells "the database engine could not be loaded" (better-sqlite3's native addon refused by
 * this machine: a glibc older than its prebuild needs, a binary for another platform, a
 * missing file) apart from an environment database that can't be opened.
 */
import { UserError } from '../errors';

/** What the shipped engine needs, for the message (better-sqlite3 13's Linux prebuild). */
export const ENGINE_REQUIREMENT =
  'On Linux it needs glibc 2.34 or newer: Debian 12, Ubuntu 22.04, RHEL/Rocky/Alma 9, Fedora 35, SLES 15 SP6 or later.';

const LOAD_FAILURE =
  /GLIBC_\d|GLIBCXX_\d|invalid ELF header|wrong ELF class|cannot open shared object file|not a valid Win32 application|was compiled against a different Node\.js version|image not found|incompatible architecture|better_sqlite3\.node|prebuilds[/\\][^/\\]+\.node/i;

/** True when `error` comes from loading the native addon, not from SQLite opening a file. */
export function isEngineLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_DLOPEN_FAILED') return true;
  // SQLite's own errors (SQLITE_CANTOPEN, SQLITE_NOTADB…) are about the file.
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return false;
  return LOAD_FAILURE.test(error.message);
}

/** The admin's error for a failed engine load: what failed, and what the machine needs. */
export function engineLoadError(error: unknown): UserError {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new UserError(
    'database-engine-unavailable',
    `The database engine could not be loaded on this machine (${detail}). ${ENGINE_REQUIREMENT}`,
  );
}
