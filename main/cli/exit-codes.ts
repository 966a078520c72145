import { isUserError, type UserErrorCode } from '../engine/errors';

/** Exit statuses of `config-tool` (spec §5). */
export const ExitCode = {
  success: 0,
  error: 1,
  badUsage: 2,
  preparationIncomplete: 3,
  refusedByLock: 4,
  /** Stopped by Ctrl+C (128 + SIGINT), the run left interrupted. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15), the run left interrupted. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const BY_USER_ERROR: Partial<Record<UserErrorCode, ExitCode>> = {
  'bad-usage': ExitCode.badUsage,
  'refused-by-lock': ExitCode.refusedByLock,
};

/** The exit status for an error that ended a command. */
export function exitCodeOf(error: unknown): ExitCode {
  if (isUserError(error)) return BY_USER_ERROR[error.code] ?? ExitCode.error;
  return ExitCode.error;
}

/** A preparation that left failed or skipped modules exits with 3, so scripts can tell it from a clean run. */
export function exitCodeOfRun(run: { counts: { failed: number; skipped: number } } | null): ExitCode {
  return run && run.counts.failed + run.counts.skipped > 0 ? ExitCode.preparationIncomplete : ExitCode.success;
}
