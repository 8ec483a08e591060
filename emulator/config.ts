/**
 * Faithful-by-default switches for pCloud behaviours that real clients hit (docs/architecture.md §5.3).
 * Tests flip them to exercise both modes.
 */
export interface Quirks {
  /** trash_*, collection_*, listtokens, getzip answer 1000 to OAuth tokens (docs/pcloud/methods-misc.md §5). */
  oauthRefusals: boolean;
  /** Link methods answer 7010 when the request carries a Referer from a foreign site. */
  refererCheck: boolean;
  /** listfolder?folderid=0&recursive=1 answers 1101 (since April 2026). */
  rootRecursiveRefused: boolean;
  /** file_open & co. answer 2003 as pCloud has done since mid-2025; false makes them work. */
  fileopsRefused: boolean;
  /** A token presented to the other region's host answers 2094. */
  strictRegions: boolean;
  /**
   * Authorizing an app again revokes that user's earlier token for it (2095). Observed only
   * intermittently (pcloud-sdk-java #18/#23), and it would sign a user out of their other devices,
   * so it is off by default.
   */
  revokeEarlierOAuthTokens: boolean;
  /**
   * Content URLs (getfilelink & co.) work only from the IP that asked for them (410 otherwise), as
   * pCloud's do. Every loopback address counts as one, so a local app and tests are unaffected.
   */
  contentIpBinding: boolean;
  /**
   * Seconds after which every token expires, counted from its issue: an auth token then answers
   * 2205, an OAuth token 2094 (docs/pcloud/errors.md §5). 0: auth tokens keep their `authexpire` /
   * `authinactiveexpire` lifetimes and OAuth tokens never expire, as on pCloud.
   */
  tokenLifetime: number;
  /**
   * Requests per second one client IP may make to the API; beyond, HTTP 429 with result 4010 and
   * `Retry-After`, so clients' back-off can be tested. 0: no limit (pCloud's thresholds are unknown).
   */
  rateLimit: number;
}

export const FAITHFUL: Quirks = {
  oauthRefusals: true,
  refererCheck: true,
  rootRecursiveRefused: true,
  fileopsRefused: true,
  strictRegions: false,
  revokeEarlierOAuthTokens: false,
  contentIpBinding: true,
  tokenLifetime: 0,
  rateLimit: 0,
};

export const PERMISSIVE: Quirks = {
  oauthRefusals: false,
  refererCheck: false,
  rootRecursiveRefused: false,
  fileopsRefused: false,
  strictRegions: false,
  revokeEarlierOAuthTokens: false,
  contentIpBinding: false,
  tokenLifetime: 0,
  rateLimit: 0,
};

/**
 * Bounds on what one client can make the server hold (docs/security.md, "bounded resources").
 * Times in milliseconds, sizes in bytes; 0 turns a time limit off.
 */
export interface Limits {
  /** Whole request head (line + headers) must arrive within this. */
  headersTimeoutMs: number;
  /**
   * Whole request, body included. Off by default: a multi-GB upload over a slow line is legitimate;
   * stalls are caught by `bodyIdleTimeoutMs` instead.
   */
  requestTimeoutMs: number;
  /** A request body that sends nothing for this long is cut off (before authentication too). */
  bodyIdleTimeoutMs: number;
  /** gettextfile/getpubtextfile: files above this are streamed unconverted or refused, never read whole. */
  textFileMaxBytes: number;
  /** Bytes all live pCloud Transfers may hold together (anonymous storage); beyond → 2097. */
  transferTotalBytes: number;
  /** Live (unexpired) transfers at once; beyond → 4010. */
  transferMaxCount: number;
  /** How often expired transfers are purged. */
  transferSweepMs: number;
  /** feedback mails accepted per client IP per hour (anonymous); beyond → 4010. */
  feedbackPerHour: number;
  /** Longest feedback message kept; the rest is cut. */
  feedbackMaxBytes: number;
  /** Redirect hops downloadfile follows (each one re-checked against the allow-list). */
  downloadMaxRedirects: number;
}

export const DEFAULT_LIMITS: Limits = {
  headersTimeoutMs: 60_000,
  requestTimeoutMs: 0,
  bodyIdleTimeoutMs: 30_000,
  textFileMaxBytes: 16 * 1024 * 1024,
  transferTotalBytes: 20 * 1024 ** 3,
  transferMaxCount: 1000,
  transferSweepMs: 10 * 60_000,
  feedbackPerHour: 20,
  feedbackMaxBytes: 64 * 1024,
  downloadMaxRedirects: 5,
};

/** An upload session nobody wrote to for this long (seconds) is swept with its file. */
export const DEFAULT_UPLOAD_SESSION_TTL = 24 * 3600;

export interface EmulatorOptions {
  dataDir: string;
  quirks?: Partial<Quirks>;
  /** Lifetime of content links (getfilelink & co.), seconds. */
  linkTtl?: number;
  /** How long a `diff?block=1` waits before answering with no entries, ms. */
  diffTimeoutMs?: number;
  /**
   * Hosts `downloadfile` may fetch from; loopback only by default (the emulator is offline). A listed
   * name is trusted whatever it resolves to; `*` admits any other host that resolves only to public
   * addresses (never loopback, private, link-local or unique-local ones). Checked on every redirect hop.
   */
  downloadAllow?: string[];
  /** Overrides of DEFAULT_LIMITS (tests use short timeouts). */
  limits?: Partial<Limits>;
  /** Origins (besides loopback ones) allowed as OAuth redirect targets of the bundled web app. */
  appOrigins?: string[];
  /** Seconds after its last write an upload_create session expires and is removed (24 h by default). */
  uploadSessionTtl?: number;
  /** Base URL of links in mails and invitations (e.g. https://files.example.org); the listening address by default. */
  publicUrl?: string;
  /** Where mails go: <dataDir>/outbox by default. */
  log?: (line: string) => void;
}
