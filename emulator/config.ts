/**
 * Faithful-by-default switches for pCloud behaviours that real clients hit (design.md §5).
 * Tests flip them to exercise both modes.
 */
export interface Quirks {
  /** trash_*, collection_*, listtokens, getzip answer 1000 to OAuth tokens (methods-misc.md §5). */
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
}

export const FAITHFUL: Quirks = {
  oauthRefusals: true,
  refererCheck: true,
  rootRecursiveRefused: true,
  fileopsRefused: true,
  strictRegions: false,
  revokeEarlierOAuthTokens: false,
};

export const PERMISSIVE: Quirks = {
  oauthRefusals: false,
  refererCheck: false,
  rootRecursiveRefused: false,
  fileopsRefused: false,
  strictRegions: false,
  revokeEarlierOAuthTokens: false,
};

export interface EmulatorOptions {
  dataDir: string;
  quirks?: Partial<Quirks>;
  /** Lifetime of content links (getfilelink & co.), seconds. */
  linkTtl?: number;
  /** How long a `diff?block=1` waits before answering with no entries, ms. */
  diffTimeoutMs?: number;
  /** Hosts `downloadfile` may fetch from; loopback only by default (the emulator is offline). */
  downloadAllow?: string[];
  /** Origins (besides loopback ones) allowed as OAuth redirect targets of the bundled web app. */
  appOrigins?: string[];
  /** Where mails go: <dataDir>/outbox by default. */
  log?: (line: string) => void;
}
