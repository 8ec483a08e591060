import { useSyncExternalStore } from 'react';

/** The width at and below which the app takes its phone layout (app/styles.css uses the same). */
export const PHONE_QUERY = '(max-width: 720px)';

function subscribe(cb: () => void) {
  const mq = window.matchMedia?.(PHONE_QUERY);
  mq?.addEventListener('change', cb);
  return () => mq?.removeEventListener('change', cb);
}

/** True while the phone layout applies: for what CSS cannot do alone (a virtual list's row height). */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(PHONE_QUERY).matches ?? false, () => false);
}
