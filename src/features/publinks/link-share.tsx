// What a created link looks like wherever it is shown: the address with Copy / Open / QR, and its
// limits and counters.
import { useEffect, useState, type ReactNode } from 'react';
import { paths } from '../../routing/paths';
import type { Publink, UploadLink } from '../../api/types';
import { useT, type Translate } from '../../i18n';
import common from '../../locales/en/common';
import links from '../../locales/en/links';
import { formatBytes, formatDate, toTime } from '../../lib/format';
import { useSession } from '../../stores/session';
import { Icon } from '../../ui/icons';
import { copyToClipboard, type CopyWhat } from './clipboard';
import { uploadLinkExpiry } from './link-options';
import { QrCode } from './qr-code';
import { buttonClass } from '../../ui/button';

// The address we hand out is this app's own viewer (and drop page): the app is a complete public-link
// viewer, and the local server's pCloud-style link hosts (u.pcloud.link, my.pcloud.com) do not
// resolve to it. pCloud's own `link` is still offered, as a secondary address, when the session is
// on real pCloud: there it is the canonical link people may already know.
export const viewerUrl = (code: string) => `${location.origin}${paths.publink(code)}`;
export const dropUrl = (code: string) => `${location.origin}${paths.puplink(code)}`;

export function useOnRealPcloud(): boolean {
  return useSession()?.region !== 'local';
}

export type LinksT = Translate<typeof links.messages>;

const counts = new Map<string, Intl.NumberFormat>();
/** A count in the app's language (one formatter per locale: list rows call this). */
export function formatCount(n: number, locale: string): string {
  let f = counts.get(locale);
  if (!f) counts.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/**
 * A button that copies `text`; besides the toast, a polite status next to it says "Copied" for a
 * moment, so the result is announced where the focus is.
 */
export function CopyButton({ text, what, className, label, title, children }: { text: string; what: CopyWhat; className: string; label?: string; title?: string; children: ReactNode }) {
  const tc = useT(common);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(id);
  }, [copied]);
  return (
    <>
      <button type="button" className={className} aria-label={label} title={title} onClick={() => void copyToClipboard(text, what).then((ok) => setCopied(ok))}>
        {children}
      </button>
      <span role="status" className="sr-only">
        {copied ? tc('copied') : ''}
      </span>
    </>
  );
}

export function LinkShareBox({ url, label, qrLabel, pcloudUrl }: { url: string; label: string; qrLabel: string; pcloudUrl?: string }) {
  const t = useT(links);
  const tc = useT(common);
  return (
    <div className="link-share">
      <div className="link-share-main">
        <label className="field">
          <span>{label}</span>
          <input readOnly value={url} onFocus={(e) => e.target.select()} className="link-url" spellCheck={false} />
        </label>
        <div className="row-actions link-share-actions">
          <CopyButton text={url} what="Link" className={buttonClass({ variant: 'primary' })}>
            <Icon name="copy" /> {t('copyLink')}
          </CopyButton>
          <a className={buttonClass()} href={url} target="_blank" rel="noopener noreferrer">
            <Icon name="link" /> {tc('open')}
            <span className="sr-only"> {t('opensInNewTab')}</span>
          </a>
        </div>
        {pcloudUrl && (
          <p className="link-secondary">
            <span className="muted">{t('pcloudLink')} </span>
            <a href={pcloudUrl} target="_blank" rel="noopener noreferrer" className="link-url-text">
              {pcloudUrl}
            </a>
            <CopyButton text={pcloudUrl} what="PcloudLink" className={buttonClass({ variant: 'ghost' })}>
              {tc('copy')}
            </CopyButton>
          </p>
        )}
      </div>
      <QrCode text={url} label={qrLabel} />
    </div>
  );
}

export const isExpired = (expires: string | undefined, now = Date.now()) => !!expires && toTime(expires) <= now;

/** The links-namespace key of a state a list still reports but visitors would hit (the API keeps such links listed). */
export function publinkProblem(l: Pick<Publink, 'expires' | 'downloads' | 'maxdownloads' | 'traffic' | 'maxtraffic'>, now = Date.now()): 'expired' | 'downloadLimit' | 'trafficLimit' | null {
  if (isExpired(l.expires, now)) return 'expired';
  if (l.maxdownloads && l.downloads >= l.maxdownloads) return 'downloadLimit';
  if (l.maxtraffic && l.traffic >= l.maxtraffic) return 'trafficLimit';
  return null;
}

export function uploadLinkProblem(l: Pick<UploadLink, 'expire' | 'expires' | 'files' | 'maxfiles' | 'space' | 'maxspace'>, now = Date.now()): 'expired' | 'fileLimit' | 'spaceLimit' | null {
  if (isExpired(uploadLinkExpiry(l), now)) return 'expired';
  if (l.maxfiles && l.files >= l.maxfiles) return 'fileLimit';
  if (l.maxspace && l.space >= l.maxspace) return 'spaceLimit';
  return null;
}

// counters with their limits ("1,234 of 5,000"), in the language of `t`
export const downloadsText = (l: Pick<Publink, 'downloads' | 'maxdownloads'>, t: LinksT) =>
  l.maxdownloads ? t('ofLimit', { value: l.downloads, limit: l.maxdownloads }) : formatCount(l.downloads, t.locale);
export const trafficText = (l: Pick<Publink, 'traffic' | 'maxtraffic'>, t: LinksT) =>
  l.maxtraffic ? t('ofLimit', { value: formatBytes(l.traffic, t.locale), limit: formatBytes(l.maxtraffic, t.locale) }) : formatBytes(l.traffic, t.locale);
export const filesText = (l: Pick<UploadLink, 'files' | 'maxfiles'>, t: LinksT) =>
  l.maxfiles ? t('ofLimit', { value: l.files, limit: l.maxfiles }) : formatCount(l.files, t.locale);
export const spaceText = (l: Pick<UploadLink, 'space' | 'maxspace'>, t: LinksT) =>
  l.maxspace ? t('ofLimit', { value: formatBytes(l.space, t.locale), limit: formatBytes(l.maxspace, t.locale) }) : formatBytes(l.space, t.locale);
export const expiryText = (expires: string | undefined, t: LinksT) => (expires ? formatDate(expires, t.locale) : t('never'));

export function PublinkFacts({ link }: { link: Publink }) {
  const t = useT(links);
  const tc = useT(common);
  const problem = publinkProblem(link);
  return (
    <dl className="facts link-facts" aria-label={t('linkDetails')}>
      <dt>{t('downloads')}</dt>
      <dd>{downloadsText(link, t)}</dd>
      <dt>{t('traffic')}</dt>
      <dd>{trafficText(link, t)}</dd>
      <dt>{t('expires')}</dt>
      <dd>{expiryText(link.expires, t)}</dd>
      <dt>{tc('created')}</dt>
      <dd>{formatDate(link.created, t.locale)}</dd>
      {link.shortlink && (
        <>
          <dt>{t('shortCode')}</dt>
          <dd>
            <code>{link.shortcode}</code>{' '}
            <CopyButton text={viewerUrl(link.shortcode!)} what="ShortLink" className={buttonClass({ variant: 'ghost' })}>
              {t('copyShortLink')}
            </CopyButton>
          </dd>
        </>
      )}
      {problem && (
        <>
          <dt>{t('status')}</dt>
          <dd className="link-problem">{t('publinkBlocked', { problem: t(problem) })}</dd>
        </>
      )}
    </dl>
  );
}

export function UploadLinkFacts({ link }: { link: UploadLink }) {
  const t = useT(links);
  const tc = useT(common);
  const problem = uploadLinkProblem(link);
  return (
    <dl className="facts link-facts" aria-label={t('uploadLinkDetails')}>
      <dt>{t('filesReceived')}</dt>
      <dd>{filesText(link, t)}</dd>
      <dt>{t('spaceUsed')}</dt>
      <dd>{spaceText(link, t)}</dd>
      <dt>{t('expires')}</dt>
      <dd>{expiryText(uploadLinkExpiry(link), t)}</dd>
      <dt>{t('email')}</dt>
      <dd>
        <span className="link-url-text">{link.mail}</span>{' '}
        <CopyButton text={link.mail} what="Email" className={buttonClass({ variant: 'ghost' })}>
          {tc('copy')}
        </CopyButton>
      </dd>
      {problem && (
        <>
          <dt>{t('status')}</dt>
          <dd className="link-problem">{t('uploadBlocked', { problem: t(problem) })}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * Tree links point at a virtual folder that exists nowhere in the account; pCloud does not document
 * how it lists them, the local server reports folder id 0. The root can never be linked (2015), so a
 * folder link "to the root" is read as a tree link.
 */
export const isTreeLink = (l: Pick<Publink, 'metadata'>) => l.metadata.isfolder && l.metadata.folderid === 0;
