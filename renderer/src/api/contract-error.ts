import type { ContractErrorPayload } from '../../../common/contract';

/** A refused or failed call, as the host reported it: a code and a message written for the admin. */
export class ContractError extends Error implements ContractErrorPayload {
  readonly code: string;

  constructor(payload: ContractErrorPayload) {
    super(payload.message);
    this.name = 'ContractError';
    this.code = payload.code;
  }
}

/** The error code the hosts use when the preparation lock refuses an operation. */
export const REFUSED_BY_LOCK = 'refused-by-lock';

/** Normalises anything thrown by a call into a code + message pair for an alert. */
export function toErrorPayload(error: unknown): ContractErrorPayload {
  if (error instanceof ContractError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'unexpected', message: error.message };
  return { code: 'unexpected', message: String(error) };
}
