import type { Emulator } from './server';
import { fail } from './errors';

/**
 * Failed sign-ins per client IP, shared by every place that checks a password (the API's
 * username/password/digest logins and the OAuth sign-in page): after MAX_FAILED within WINDOW_MS the
 * address gets pCloud's 4000 "Too many login tries from this IP address." until the window ends.
 */
const MAX_FAILED = 20;
const WINDOW_MS = 600_000;

export function loginThrottled(emu: Emulator, ip: string): boolean {
  const f = emu.failedLogins.get(ip);
  return f !== undefined && Date.now() - f.since < WINDOW_MS && f.count >= MAX_FAILED;
}

/** 4000 while the address is throttled. */
export function checkLoginThrottle(emu: Emulator, ip: string): void {
  if (loginThrottled(emu, ip)) fail(4000);
}

export function noteLoginFailure(emu: Emulator, ip: string): void {
  const t = Date.now();
  const f = emu.failedLogins.get(ip);
  if (!f || t - f.since > WINDOW_MS) emu.failedLogins.set(ip, { count: 1, since: t });
  else f.count++;
  // forget addresses whose window ended, so a scan from many addresses cannot grow the map forever
  if (emu.failedLogins.size > 10_000) for (const [k, v] of emu.failedLogins) if (t - v.since > WINDOW_MS) emu.failedLogins.delete(k);
}
