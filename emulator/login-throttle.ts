import type { Services } from './services';
import { fail } from './errors';

/**
 * Failed sign-ins per client IP, shared by every place that checks a password (the API's
 * username/password/digest logins and the OAuth sign-in page): after MAX_FAILED within WINDOW_MS the
 * address gets pCloud's 4000 "Too many login tries from this IP address." for LOCKOUT_MS, right
 * password or not. pCloud does not publish its lockout; its own sync library (pclsync) waits five
 * minutes after a 4000 before it signs in again, so the lockout ends when that wait does
 * (docs/pcloud/errors.md §5).
 */
const MAX_FAILED = 20;
const WINDOW_MS = 600_000;
export const LOCKOUT_MS = 300_000;

export function loginThrottled(emu: Services, ip: string): boolean {
  const f = emu.failedLogins.get(ip);
  return f?.lockedUntil !== undefined && Date.now() < f.lockedUntil;
}

/** 4000 while the address is throttled. */
export function checkLoginThrottle(emu: Services, ip: string): void {
  if (loginThrottled(emu, ip)) fail(4000);
}

export function noteLoginFailure(emu: Services, ip: string): void {
  const t = Date.now();
  const f = emu.failedLogins.get(ip);
  // a lockout that ran out starts the count afresh
  if (!f || t - f.since > WINDOW_MS || (f.lockedUntil !== undefined && t >= f.lockedUntil)) emu.failedLogins.set(ip, { count: 1, since: t });
  else if (++f.count >= MAX_FAILED && f.lockedUntil === undefined) f.lockedUntil = t + LOCKOUT_MS;
  // forget addresses whose window and lockout ended, so a scan from many addresses cannot grow the map forever
  if (emu.failedLogins.size > 10_000) {
    for (const [k, v] of emu.failedLogins) if (t - v.since > WINDOW_MS && (v.lockedUntil ?? 0) <= t) emu.failedLogins.delete(k);
  }
}
