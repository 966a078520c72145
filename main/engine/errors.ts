/** Codes for errors an admin can cause; each maps to a CLI exit status and a UI message. */
export type UserErrorCode =
  | 'bad-usage'
  | 'not-found'
  | 'invalid-factory'
  | 'environment-exists'
  | 'environment-missing'
  | 'environment-too-new'
  | 'environment-corrupt'
  | 'refused-by-lock'
  | 'refused'
  | 'compile-failed'
  | 'upgrade-failed'
  | 'lease-lost'
  | 'backup-missing'
  | 'operation-running'
  | 'environment-busy'
  | 'not-available'
  /** The disk holding the environment (or a report's folder) is full. */
  | 'disk-full'
  /** The environment folder or its database can't be written (read-only mount, immutable file). */
  | 'read-only'
  /** This user may not write where the command must. */
  | 'no-permission'
  /** Another program holds a file the command needs (EBUSY). */
  | 'file-busy'
  /** The disk reported an input/output error. */
  | 'io-error'
  /** The SQLite engine (better-sqlite3's native addon) could not be loaded on this machine. */
  | 'database-engine-unavailable';

/** An error written for the admin: a code and a message, never a stack trace in the UI or CLI. */
export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly details?: unknown;

  constructor(code: UserErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.details = details;
  }
}

/** True for errors meant for the admin (as opposed to bugs). */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
