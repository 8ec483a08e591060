import { PcloudError } from '../../api/errors';

/** What to tell the user about a failed call (pCloud's own message when there is one). */
export function humanError(err: unknown): string {
  if (err instanceof PcloudError) return err.message;
  if (err instanceof Error && err.name === 'AbortError') return 'Cancelled.';
  return 'The server could not be reached. Check your connection and try again.';
}
