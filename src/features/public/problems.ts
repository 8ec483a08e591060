// What a visitor is told when a link cannot be used. Link states are told apart by pCloud's result
// codes (errors.md: 7001–7008), which only these anonymous pages ever need to distinguish.
import { isAbortError, PcloudError, PcloudNetworkError } from '../../api/errors';
import { getT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import pub from '../../locales/en/public';

export interface LinkProblem {
  /** Stable id for tests and styling. */
  id: 'unknown' | 'deleted' | 'removed' | 'expired' | 'traffic' | 'downloads' | 'space' | 'files' | 'password' | 'offline' | 'other';
  title: string;
  detail: string;
  /** Worth a "Try again" button (the cause may pass). */
  retry: boolean;
}

const t = getT(pub);

/** The page for a link that cannot be used, worded in the app's language when it is called. */
export function linkProblem(err: unknown, what: 'link' | 'upload link' = 'link'): LinkProblem {
  const upload = what === 'upload link';
  if (err instanceof PcloudError) {
    switch (err.code) {
      case 1028:
      case 1022:
      case 7001:
        return { id: 'unknown', title: t(upload ? 'uploadLinkUnknown' : 'linkUnknown'), detail: t('unknownDetail'), retry: false };
      case 7002:
        return { id: 'deleted', title: t(upload ? 'uploadLinkDeleted' : 'linkDeleted'), detail: t('deletedDetail'), retry: false };
      case 7003:
        return { id: 'removed', title: t('removedTitle'), detail: t('removedDetail'), retry: false };
      case 7004:
        return { id: 'expired', title: t(upload ? 'uploadLinkExpired' : 'linkExpired'), detail: t('expiredDetail'), retry: false };
      case 7005:
        return { id: 'traffic', title: t('trafficTitle'), detail: t('trafficDetail'), retry: false };
      case 7006:
        return { id: 'downloads', title: t('downloadsTitle'), detail: t('downloadsDetail'), retry: false };
      case 7007:
        return { id: 'space', title: t('spaceTitle'), detail: t('spaceDetail'), retry: false };
      case 7008:
        return { id: 'files', title: t('filesTitle'), detail: t('filesDetail'), retry: false };
      case 2003:
        return { id: 'password', title: t('passwordTitle'), detail: t('passwordDetail'), retry: false };
      default:
        return { id: 'other', title: t(upload ? 'uploadLinkOther' : 'linkOther'), detail: errorMessage(err), retry: err.kind === 'retryable' || err.kind === 'rateLimit' };
    }
  }
  if (err instanceof PcloudNetworkError) {
    return { id: 'offline', title: t('offlineTitle'), detail: t('offlineDetail'), retry: true };
  }
  return { id: 'other', title: t(upload ? 'uploadLinkOther' : 'linkOther'), detail: t('unexpected'), retry: true };
}

/** One sentence for a failed action (download, zip, save, upload) on an otherwise working page. */
export function actionError(err: unknown): string {
  if (err instanceof PcloudError) {
    if ([7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008].includes(err.code)) return t('problemSentence', { title: linkProblem(err).title });
    if (err.code === 7010) return t('errOtherSite');
    if (err.code === 2003) return t('errNotAllowed');
    if (err.code === 2008) return t('errNoSpace');
    if (err.code === 2009) return t('errFileGone');
    if (err.code === 1029) return t('errFileOnly');
    if (err.code === 2044) return t('errNoStream');
    return errorMessage(err);
  }
  if (err instanceof PcloudNetworkError || isAbortError(err)) return errorMessage(err);
  return t('unexpected');
}

/** Starts the browser's own download of a content URL (the server sends it as an attachment). */
export function startDownload(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener noreferrer';
  a.referrerPolicy = 'no-referrer';
  document.body.append(a);
  a.click();
  a.remove();
}
