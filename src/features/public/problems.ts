// What a visitor is told when a link cannot be used. Link states are told apart by the error's
// `reason` (pCloud's 7001–7008), which only these anonymous pages ever need to distinguish.
import { isAbortError, isLinkState, PcloudError, PcloudNetworkError } from '../../api/errors';
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
    switch (err.reason) {
      case 'linkUnknown':
        return unknownLink(upload);
      case 'linkDeleted':
        return { id: 'deleted', title: t(upload ? 'uploadLinkDeleted' : 'linkDeleted'), detail: t('deletedDetail'), retry: false };
      case 'linkRemoved':
        return { id: 'removed', title: t('removedTitle'), detail: t('removedDetail'), retry: false };
      case 'linkExpired':
        return { id: 'expired', title: t(upload ? 'uploadLinkExpired' : 'linkExpired'), detail: t('expiredDetail'), retry: false };
      case 'linkTraffic':
        return { id: 'traffic', title: t('trafficTitle'), detail: t('trafficDetail'), retry: false };
      case 'linkDownloads':
        return { id: 'downloads', title: t('downloadsTitle'), detail: t('downloadsDetail'), retry: false };
      case 'linkSpace':
        return { id: 'space', title: t('spaceTitle'), detail: t('spaceDetail'), retry: false };
      case 'linkFiles':
        return { id: 'files', title: t('filesTitle'), detail: t('filesDetail'), retry: false };
    }
    // a request for a link that pCloud calls malformed (no code, 1022/1028) names no link it knows
    if (err.kind === 'badRequest') return unknownLink(upload);
    // the one refusal a link's page meets is its password
    if (err.kind === 'forbidden') return { id: 'password', title: t('passwordTitle'), detail: t('passwordDetail'), retry: false };
    return { id: 'other', title: t(upload ? 'uploadLinkOther' : 'linkOther'), detail: errorMessage(err), retry: err.kind === 'retryable' || err.kind === 'rateLimit' };
  }
  if (err instanceof PcloudNetworkError) {
    return { id: 'offline', title: t('offlineTitle'), detail: t('offlineDetail'), retry: true };
  }
  return { id: 'other', title: t(upload ? 'uploadLinkOther' : 'linkOther'), detail: t('unexpected'), retry: true };
}

function unknownLink(upload: boolean): LinkProblem {
  return { id: 'unknown', title: t(upload ? 'uploadLinkUnknown' : 'linkUnknown'), detail: t('unknownDetail'), retry: false };
}

/** One sentence for a failed action (download, zip, save, upload) on an otherwise working page. */
export function actionError(err: unknown): string {
  if (err instanceof PcloudError) {
    if (isLinkState(err.reason)) return t('problemSentence', { title: linkProblem(err).title });
    if (err.reason === 'refererRefused') return t('errOtherSite');
    if (err.reason === 'fileRequired') return t('errFileOnly');
    if (err.reason === 'notStreamable') return t('errNoStream');
    if (err.reason === 'fileNotFound') return t('errFileGone');
    if (err.kind === 'forbidden') return t('errNotAllowed');
    if (err.kind === 'quota') return t('errNoSpace');
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
