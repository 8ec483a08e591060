import { PcloudError, PcloudNetworkError } from '../api/errors';
import { getT } from '../i18n';
import { errorMessage } from '../i18n/error-message';
import player from '../locales/en/player';

const t = getT(player);

/** True when pCloud refuses to hand this web app a content link (the 7010 referer check). */
export function isRefererRefusal(err: unknown): boolean {
  return err instanceof PcloudError && err.reason === 'refererRefused';
}

/** A person's explanation of why a file could not be streamed or shown. */
export function streamRefusal(err: unknown): string {
  if (isRefererRefusal(err)) return t('refererRefused');
  if (err instanceof PcloudError && err.reason === 'notStreamable') return t('notStreamable');
  if (err instanceof PcloudError && err.kind === 'notFound') return t('fileGone');
  if (err instanceof PcloudError && err.kind === 'forbidden') return t('noAccess');
  if (err instanceof PcloudError || err instanceof PcloudNetworkError) return errorMessage(err);
  return t('loadFailed');
}
