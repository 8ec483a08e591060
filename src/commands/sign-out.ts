// Signing out, the same for both kinds of sign-in: the token dies on the server (`logout`), and
// this browser forgets the session, the cached data and the offline copy.
import type { QueryClient } from '@tanstack/react-query';
import { logout } from '../api/auth';
import { eraseOfflineCache } from '../queries/offline-cache';
import { flushPendingDeletes } from '../queries/pending-deletes';
import { paths } from '../routing/paths';
import { signedOut } from '../stores/session';
import { forgetTrustedDevice } from '../stores/trusted-device';

export async function signOutHere(qc: QueryClient, opts: { everywhere?: boolean } = {}): Promise<void> {
  // a confirmed delete still in its undo window goes out while the token is alive
  await flushPendingDeletes();
  try {
    await logout({ retry: 0, timeoutMs: 5000 });
  } catch {
    /* signing out locally must work even when the server cannot be reached */
  }
  // a device trusted for two-step verification stays trusted over a plain sign-out, not over this
  if (opts.everywhere) forgetTrustedDevice();
  signedOut();
  qc.clear();
  await eraseOfflineCache();
}

/** From an OAuth session to the password form: sign out here, then open the welcome page's full-access form. */
export async function switchToFullAccess(qc: QueryClient): Promise<void> {
  await signOutHere(qc);
  window.location.assign(`${paths.welcome}?access=full`);
}
