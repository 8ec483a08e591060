import type { EmulatorOptions, Limits, Quirks } from './config';
import type { ContentHost } from './content';
import type { Progress } from './progress';
import type { Storage } from './store/storage';

/**
 * What method handlers, media jobs, mail and the sign-in pages use of the running emulator. They
 * depend on this, not on the Emulator class (emulator/server.ts implements it), so the request
 * pipeline and the handlers it calls do not import each other.
 */
export interface Services {
  readonly st: Storage;
  readonly content: ContentHost;
  readonly progress: Progress;
  readonly quirks: Quirks;
  readonly limits: Limits;
  readonly opts: EmulatorOptions;
  /** Lifetime of content links, seconds. */
  readonly linkTtl: number;
  readonly diffTimeoutMs: number;
  /** Hosts downloadfile may fetch from. */
  readonly downloadAllow: string[];
  /** Origins of web apps served beside the API (redirect targets of the bundled OAuth app). */
  readonly appOrigins: string[];
  /** Digests handed out by getdigest (single use), per emulator instance. */
  readonly digests: Map<string, number>;
  /** Failed logins per client IP, per emulator instance. */
  readonly failedLogins: Map<string, { count: number; since: number; lockedUntil?: number }>;
  /** Run when the emulator closes (timers of sweeps, the live-server registration). */
  readonly shutdownHooks: (() => void)[];
  readonly log: (line: string) => void;
  /** 1 = US, 2 = EU, null = a host that is neither (loopback: every region). */
  regionOfHost(host: string): number | null;
}
