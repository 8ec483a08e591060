// Errors thrown by the API client. Views switch on `kind`, never on raw numbers.
import { errorKind, RESULT_MESSAGES, type ErrorKind } from './protocol/errors';
import { methodInfo } from './protocol/methods';

export type { ErrorKind } from './protocol/errors';

/**
 * What a code says beyond its kind, for the few codes views must tell apart within one kind: which
 * state a public or upload link is in, why a sign-in ended, why a file cannot be streamed. Views
 * switch on `kind` to decide what to do and on `reason` to say what happened; never on `code`.
 */
export type ErrorReason =
  /** 2095 (kind auth): the token was revoked, not merely expired or missing. */
  | 'tokenRevoked'
  /** 2205, 2229 (kind auth): the login ran out of time; signing in again is all it takes. */
  | 'tokenExpired'
  /** 2014 (kind forbidden): sharing and links need a verified e-mail address. */
  | 'emailUnverified'
  /** 1029 (kind badRequest): the call works on a file only (e.g. saving from a folder link without one). */
  | 'fileRequired'
  /** 2009 (kind notFound): the file itself is gone (not a folder on its path). */
  | 'fileNotFound'
  /** 2044: streaming links exist for audio and video only. */
  | 'notStreamable'
  /** 7010 (kind link): pCloud refuses link methods called from pages of other sites. */
  | 'refererRefused'
  | LinkState;

/** 7001–7008: the state of a public or upload link that cannot be used. */
export type LinkState = 'linkUnknown' | 'linkDeleted' | 'linkRemoved' | 'linkExpired' | 'linkTraffic' | 'linkDownloads' | 'linkSpace' | 'linkFiles';

const REASON_BY_CODE: Readonly<Record<number, ErrorReason>> = {
  2095: 'tokenRevoked',
  2205: 'tokenExpired',
  2229: 'tokenExpired',
  2014: 'emailUnverified',
  1029: 'fileRequired',
  2009: 'fileNotFound',
  2044: 'notStreamable',
  7010: 'refererRefused',
  7001: 'linkUnknown',
  7002: 'linkDeleted',
  // removed after a copyright complaint
  7003: 'linkRemoved',
  7004: 'linkExpired',
  7005: 'linkTraffic',
  7006: 'linkDownloads',
  7007: 'linkSpace',
  7008: 'linkFiles',
};

const LINK_STATES: ReadonlySet<ErrorReason> = new Set<LinkState>([
  'linkUnknown', 'linkDeleted', 'linkRemoved', 'linkExpired', 'linkTraffic', 'linkDownloads', 'linkSpace', 'linkFiles',
]);

export function isLinkState(reason: ErrorReason | undefined): reason is LinkState {
  return reason !== undefined && LINK_STATES.has(reason);
}

/** A reply with `result != 0`. `details` is the whole reply (some codes carry extra fields, e.g. 2011 `minspeed`). */
export class PcloudError extends Error {
  override readonly name = 'PcloudError';
  readonly code: number;
  readonly method: string;
  readonly kind: ErrorKind;
  readonly reason: ErrorReason | undefined;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: number, message: string | undefined, method: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message ?? RESULT_MESSAGES[code] ?? `pCloud error ${code}`);
    this.code = code;
    this.method = method;
    this.details = details;
    // 1000 from a method that refuses OAuth tokens means "not available with this sign-in",
    // and must not send the user to a re-login loop. The app signs in with OAuth only.
    this.kind = isOAuthRefusalCode(code, method) ? 'oauthRefused' : errorKind(code);
    this.reason = REASON_BY_CODE[code];
  }
}

/**
 * The error of one entry of a batch reply (`linkresult[]` of collection_linkfiles, `thumbs[]` of
 * getthumbslinks), whose own `result` says how that entry went; undefined when it went well.
 */
export function entryError(entry: { result: number; message?: string; error?: string }, method: string): PcloudError | undefined {
  return entry.result === 0 ? undefined : new PcloudError(entry.result, entry.message ?? entry.error, method);
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

/** True for 1000 "Log in required." from a method known to refuse OAuth tokens (docs/pcloud/methods-misc.md §5). */
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
