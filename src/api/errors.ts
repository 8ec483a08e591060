// Errors thrown by the API client. Views switch on `kind`, never on raw numbers.
import { errorKind, RESULT_MESSAGES, type ErrorKind } from './protocol/errors';
import { methodInfo } from './protocol/methods';

export type { ErrorKind } from './protocol/errors';

/** A reply with `result != 0`. `details` is the whole reply (some codes carry extra fields, e.g. 2011 `minspeed`). */
export class PcloudError extends Error {
  override readonly name = 'PcloudError';
  readonly code: number;
  readonly method: string;
  readonly kind: ErrorKind;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: number, message: string | undefined, method: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message ?? RESULT_MESSAGES[code] ?? `pCloud error ${code}`);
    this.code = code;
    this.method = method;
    this.details = details;
    // 1000 from a method that refuses OAuth tokens means "not available with this sign-in",
    // and must not send the user to a re-login loop. The app signs in with OAuth only.
    this.kind = isOAuthRefusalCode(code, method) ? 'oauthRefused' : errorKind(code);
  }
}

export type NetworkFailure = 'network' | 'timeout' | 'http' | 'parse';

/** The request did not produce a pCloud reply (connection failure, timeout, non-200, bad JSON). */
export class PcloudNetworkError extends Error {
  override readonly name = 'PcloudNetworkError';
  readonly failure: NetworkFailure;
  readonly method: string;
  readonly status: number | undefined;

  constructor(failure: NetworkFailure, method: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.failure = failure;
    this.method = method;
    this.status = options.status;
  }
}

function isOAuthRefusalCode(code: number, method: string): boolean {
  return code === 1000 && methodInfo(method)?.oauthRefused === true;
}

/** True for 1000 "Log in required." from a method known to refuse OAuth tokens (methods-misc.md §5). */
export function isOAuthRefusal(err: unknown): err is PcloudError {
  return err instanceof PcloudError && isOAuthRefusalCode(err.code, err.method);
}

export function isPcloudError(err: unknown): err is PcloudError {
  return err instanceof PcloudError;
}

/** AbortError from the caller's own signal (not a timeout). */
export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'name' in err && err.name === 'AbortError';
}
