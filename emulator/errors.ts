import { RESULT_MESSAGES } from '../src/api/protocol/errors';

/** A pCloud API error: handlers throw it, the HTTP layer turns it into `{result, error}` + X-Error. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message ?? RESULT_MESSAGES[code] ?? `Error ${code}.`);
  }
}

export function fail(code: number, extra?: Record<string, unknown>): never {
  throw new ApiError(code, undefined, extra);
}

export function messageFor(code: number): string {
  return RESULT_MESSAGES[code] ?? `Error ${code}.`;
}
