// One sentence for the user about a failed call, in the app's language.
import { isAbortError, PcloudError, PcloudNetworkError } from '../api/errors';
import errors from '../locales/en/errors';
import { getT } from './index';
import { serverName } from './server-name';

const t = getT(errors);

export function errorMessage(err: unknown): string {
  if (err instanceof PcloudError) {
    // a method closed to this kind of sign-in, not a dead session: say who refuses and the way round
    if (err.kind === 'oauthRefused') return t('oauthRefused', { server: serverName() });
    const key = `c${err.code}`;
    // codes the catalogue does not word show pCloud's own (English) message
    return key in errors.messages ? t(key as 'c1000') : err.message;
  }
  if (isAbortError(err)) return t('cancelled');
  if (err instanceof PcloudNetworkError) {
    if (err.failure === 'timeout') return t('timeout');
    if (err.failure === 'parse') return t('badReply');
    if (err.failure === 'http') return t('httpStatus', { status: String(err.status ?? '?') });
    return t('unreachable');
  }
  if (err instanceof DOMException && err.name === 'TimeoutError') return t('timeout');
  return t('unreachable');
}
