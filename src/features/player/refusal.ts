import { PcloudError, PcloudNetworkError } from '../../api/errors';

/** True when pCloud refuses to hand this web app a content link (the 7010 referer check). */
export function isRefererRefusal(err: unknown): boolean {
  return err instanceof PcloudError && err.code === 7010;
}

/** A person's explanation of why a file could not be streamed or shown. */
export function streamRefusal(err: unknown): string {
  if (isRefererRefusal(err)) return 'pCloud refuses to stream this file to web apps outside pcloud.com. You can still download it.';
  if (err instanceof PcloudError && err.code === 2044) return 'pCloud cannot stream this file: it is not a playable video or audio file.';
  if (err instanceof PcloudError && err.kind === 'notFound') return 'This file no longer exists. It may have been moved or deleted.';
  if (err instanceof PcloudError && err.kind === 'forbidden') return 'You do not have access to this file any more.';
  if (err instanceof PcloudError) return err.message;
  if (err instanceof PcloudNetworkError) return 'pCloud could not be reached. Check your connection and try again.';
  return 'The file could not be loaded. Check your connection and try again.';
}
