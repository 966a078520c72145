import fs from 'node:fs';
import path from 'node:path';
import { isUserError, UserError } from './errors';
import { busyEnvironmentError } from './environment-presence';

/**
 * The one mapping of what the machine can do to a command (a full disk, a read-only
 * folder, a file another program holds, a damaged database) to an admin's error that
 * says what to do. Every way out of the tool (the CLI's last handler, the service
 * process that answers the windows, a report written to a file) goes through
 * `asAdminError`, so none of these is ever reported as "a bug".
 */
export type EnvironmentCondition =
  'disk-full' | 'read-only' | 'no-permission' | 'file-busy' | 'environment-busy' | 'environment-corrupt' | 'io-error';

/** Below this much free space an input/output error is the disk being full in disguise. */
const NEARLY_FULL_BYTES = 1024 * 1024;

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** The condition an error of the system or of SQLite stands for, or null for anything else (a bug). */
export function conditionOf(error: unknown): EnvironmentCondition | null {
  const code = codeOf(error);
  if (code === null) return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'disk-full';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return 'no-permission';
  if (code === 'EBUSY') return 'file-busy';
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'environment-busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'environment-corrupt';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io-error';
  return null;
}

/** Free bytes on the file system holding `dir` (or its nearest existing parent); null when it can't be told. */
export function freeBytes(dir: string): number | null {
  let probe = dir;
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  try {
    const stats = fs.statfsSync(probe);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** "12 MB", "640 KB": free space as an admin reads it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / 1024 / 1024)} MB`;
  return `${Math.floor(bytes / 1024)} KB`;
}

/** True when nothing can be written in `dir`: a read-only mount, or a folder this user may not write to. */
export function folderIsReadOnly(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return false;
  } catch (error) {
    return codeOf(error) === 'EROFS' || codeOf(error) === 'EACCES' || codeOf(error) === 'EPERM';
  }
}

/** The folder the error is about: the file it names when that is outside the environment (a report's file), else the environment. */
function folderOf(error: unknown, environmentDir: string | undefined): string {
  const file = (error as { path?: unknown } | null)?.path;
  if (typeof file === 'string' && (!environmentDir || !path.resolve(file).startsWith(path.resolve(environmentDir)))) {
    return fs.existsSync(file) && fs.statSync(file).isDirectory() ? file : path.dirname(file);
  }
  return environmentDir ?? (typeof file === 'string' ? path.dirname(file) : process.cwd());
}

function what(folder: string, environmentDir: string | undefined): string {
  return environmentDir && path.resolve(folder) === path.resolve(environmentDir)
    ? `the environment folder ${folder}`
    : `the folder ${folder}`;
}

/** The admin's message for a full disk: where, how much is left, and that nothing was lost. */
export function diskFullError(folder: string, environmentDir?: string): UserError {
  const free = freeBytes(folder);
  return new UserError(
    'disk-full',
    `The disk holding ${what(folder, environmentDir)} ran out of space (${free === null ? 'unknown' : sizeText(free)} free now): ` +
      'free some space, then run the command again; nothing was lost, and what was not finished resumes where it stopped.',
  );
}

/** The admin's message for a folder (or database file) that can't be written. */
export function readOnlyError(folder: string, environmentDir?: string): UserError {
  return new UserError(
    'read-only',
    `${capitalised(what(folder, environmentDir))} is read-only (a read-only mount, or a file marked immutable): ` +
      'reading commands (status, report) work, but this one writes. Make it writable, then run the command again; nothing was changed.',
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * The admin's error for an environment condition, or null when `error` is not one
 * (a bug keeps its stack). `environmentDir` is the folder the command works on; `folder`,
 * where the failed write went when that is known and outside it (a report's folder).
 */
export function environmentConditionError(
  error: unknown,
  environmentDir?: string,
  folder = folderOf(error, environmentDir),
): UserError | null {
  const condition = conditionOf(error);
  if (condition === null) return null;
  const free = freeBytes(folder);
  if (condition === 'disk-full' || (condition === 'io-error' && free !== null && free < NEARLY_FULL_BYTES))
    return diskFullError(folder, environmentDir);
  if (condition === 'read-only' || (condition !== 'environment-busy' && folderIsReadOnly(folder)))
    return readOnlyError(folder, environmentDir);
  const place = what(folder, environmentDir);
  switch (condition) {
    case 'environment-busy':
      return (
        (environmentDir ? busyEnvironmentError(environmentDir, error) : null) ??
        new UserError('environment-busy', `${capitalised(place)} is busy: another process is writing. Try again.`)
      );
    case 'no-permission':
      return new UserError(
        'no-permission',
        `This user may not write in ${place} (${messageOf(error)}): give it write access, or run the command as ` +
          'the user that owns the environment; nothing was changed.',
      );
    case 'file-busy':
      return new UserError(
        'file-busy',
        `A file in ${place} is held by another program (${messageOf(error)}): close that program ` +
          '(a backup or virus scanner, an editor), then run the command again; nothing was changed.',
      );
    case 'environment-corrupt':
      return new UserError(
        'environment-corrupt',
        `The environment database in ${place} is damaged (${messageOf(error)}): restore the latest copy from ` +
          `its backups folder (or your own backup), then run the command again.`,
      );
    default:
      return new UserError(
        'io-error',
        `The disk holding ${place} reported an input/output error (${messageOf(error)}): check the disk and ` +
          'its mount, then run the command again; what was not finished resumes where it stopped.',
      );
  }
}

/** `error` as the admin should see it: a UserError as it is, an environment condition mapped, anything else unchanged (a bug). */
export function asAdminError(error: unknown, environmentDir?: string): unknown {
  if (isUserError(error)) return error;
  return environmentConditionError(error, environmentDir) ?? error;
}
