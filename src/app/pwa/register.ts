// Registers the service worker (src/sw.ts) and tracks whether a new version waits. Nothing
// switches silently: the waiting worker takes over only when the user chooses "Reload".
import { useSyncExternalStore } from 'react';

let waiting: ServiceWorker | null = null;
let dismissed = false;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

function setWaiting(sw: ServiceWorker | null): void {
  waiting = sw;
  dismissed = false;
  changed();
}

function track(reg: ServiceWorkerRegistration): void {
  // a worker already installed and waiting when the page loaded (the user chose "Later" before)
  if (reg.waiting && navigator.serviceWorker.controller) setWaiting(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const sw = reg.installing;
    sw?.addEventListener('statechange', () => {
      // without a controller this is the first install: nothing to replace, nothing to ask
      if (sw.state === 'installed' && navigator.serviceWorker.controller) setWaiting(sw);
    });
  });
}

/** Call once at start-up. Production builds only: the dev server has no worker. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).then(
      (reg: ServiceWorkerRegistration | undefined) => {
        // some embedders (and Playwright's serviceWorkers: 'block') resolve without a registration
        if (!reg) return;
        track(reg);
        // long-lived tabs look for a new version when they come back to the foreground
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') void reg.update().catch(() => undefined);
        });
      },
      () => undefined, // no worker (private mode, blocked): the app works online as before
    );
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Activates the waiting version; the page reloads once it has taken over. */
export function reloadToUpdate(): void {
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

export function updateDismissed(): void {
  dismissed = true;
  changed();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** True while a new version waits and the user has not put the question off. */
export function useUpdateReady(): boolean {
  return useSyncExternalStore(subscribe, () => waiting !== null && !dismissed, () => false);
}
