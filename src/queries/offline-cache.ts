// Who erases the offline copy of the Query cache (set up in main.tsx, used by sign-out in the shell).

declare global {
  /** package.json version, defined by vite.config.ts; part of the offline cache's buster. */
  const __APP_VERSION__: string;
}

let eraser: () => Promise<void> = async () => undefined;

export function setCacheEraser(erase: () => Promise<void>): void {
  eraser = erase;
}

/** Forgets every listing kept for offline use (sign-out, session ended). */
export function eraseOfflineCache(): Promise<void> {
  return eraser();
}
