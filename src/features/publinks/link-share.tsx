// What a created link looks like wherever it is shown: the address with Copy / Open / QR, and its
// limits and counters.
import { paths } from '../../app/paths';
import type { Publink, UploadLink } from '../../api/types';
import { formatBytes, formatDate, toTime } from '../../lib/format';
import { useSession } from '../../stores/session';
import { Icon } from '../../ui/icons';
import { copyToClipboard } from './clipboard';
import { uploadLinkExpiry } from './link-options';
import { QrCode } from './qr-code';

// The address we hand out is this app's own viewer (and drop page): the app is a complete public-link
// viewer, and the local server's pCloud-style link hosts (u.pcloud.link, my.pcloud.com) do not
// resolve to it. pCloud's own `link` is still offered, as a secondary address, when the session is
// on real pCloud: there it is the canonical link people may already know.
export const viewerUrl = (code: string) => `${location.origin}${paths.publink(code)}`;
export const dropUrl = (code: string) => `${location.origin}${paths.puplink(code)}`;

export function useOnRealPcloud(): boolean {
  return useSession()?.region !== 'local';
}

const count = new Intl.NumberFormat();
export const formatCount = (n: number) => count.format(n);

export function LinkShareBox({ url, label, qrLabel, pcloudUrl }: { url: string; label: string; qrLabel: string; pcloudUrl?: string }) {
  return (
    <div className="link-share">
      <div className="link-share-main">
        <label className="field">
          <span>{label}</span>
          <input readOnly value={url} onFocus={(e) => e.target.select()} className="link-url" spellCheck={false} />
        </label>
        <div className="row-actions link-share-actions">
          <button type="button" className="btn primary" onClick={() => void copyToClipboard(url, 'Link')}>
            <Icon name="copy" /> Copy link
          </button>
          <a className="btn" href={url} target="_blank" rel="noopener noreferrer">
            <Icon name="link" /> Open
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </div>
        {pcloudUrl && (
          <p className="link-secondary">
            <span className="muted">pCloud link: </span>
            <a href={pcloudUrl} target="_blank" rel="noopener noreferrer" className="link-url-text">
              {pcloudUrl}
            </a>
            <button type="button" className="btn link" onClick={() => void copyToClipboard(pcloudUrl, 'pCloud link')}>
              Copy
            </button>
          </p>
        )}
      </div>
      <QrCode text={url} label={qrLabel} />
    </div>
  );
}

export const isExpired = (expires: string | undefined, now = Date.now()) => !!expires && toTime(expires) <= now;

/** The state a list still reports but visitors would hit (the API keeps such links listed). */
export function publinkProblem(l: Pick<Publink, 'expires' | 'downloads' | 'maxdownloads' | 'traffic' | 'maxtraffic'>, now = Date.now()): string | null {
  if (isExpired(l.expires, now)) return 'Expired';
  if (l.maxdownloads && l.downloads >= l.maxdownloads) return 'Download limit reached';
  if (l.maxtraffic && l.traffic >= l.maxtraffic) return 'Traffic limit reached';
  return null;
}

export function uploadLinkProblem(l: Pick<UploadLink, 'expire' | 'expires' | 'files' | 'maxfiles' | 'space' | 'maxspace'>, now = Date.now()): string | null {
  if (isExpired(uploadLinkExpiry(l), now)) return 'Expired';
  if (l.maxfiles && l.files >= l.maxfiles) return 'File limit reached';
  if (l.maxspace && l.space >= l.maxspace) return 'Space limit reached';
  return null;
}

export const downloadsText = (l: Pick<Publink, 'downloads' | 'maxdownloads'>) =>
  l.maxdownloads ? `${formatCount(l.downloads)} of ${formatCount(l.maxdownloads)}` : formatCount(l.downloads);
export const trafficText = (l: Pick<Publink, 'traffic' | 'maxtraffic'>) =>
  l.maxtraffic ? `${formatBytes(l.traffic)} of ${formatBytes(l.maxtraffic)}` : formatBytes(l.traffic);
export const filesText = (l: Pick<UploadLink, 'files' | 'maxfiles'>) =>
  l.maxfiles ? `${formatCount(l.files)} of ${formatCount(l.maxfiles)}` : formatCount(l.files);
export const spaceText = (l: Pick<UploadLink, 'space' | 'maxspace'>) =>
  l.maxspace ? `${formatBytes(l.space)} of ${formatBytes(l.maxspace)}` : formatBytes(l.space);
export const expiryText = (expires: string | undefined) => (expires ? formatDate(expires) : 'Never');

export function PublinkFacts({ link }: { link: Publink }) {
  const problem = publinkProblem(link);
  return (
    <dl className="facts link-facts" aria-label="Link details">
      <dt>Downloads</dt>
      <dd>{downloadsText(link)}</dd>
      <dt>Traffic</dt>
      <dd>{trafficText(link)}</dd>
      <dt>Expires</dt>
      <dd>{expiryText(link.expires)}</dd>
      <dt>Created</dt>
      <dd>{formatDate(link.created)}</dd>
      {link.shortlink && (
        <>
          <dt>Short code</dt>
          <dd>
            <code>{link.shortcode}</code>{' '}
            <button type="button" className="btn link" onClick={() => void copyToClipboard(viewerUrl(link.shortcode!), 'Short link')}>
              Copy short link
            </button>
          </dd>
        </>
      )}
      {problem && (
        <>
          <dt>Status</dt>
          <dd className="link-problem">{problem}: visitors cannot open it until you change its limits.</dd>
        </>
      )}
    </dl>
  );
}

export function UploadLinkFacts({ link }: { link: UploadLink }) {
  const problem = uploadLinkProblem(link);
  return (
    <dl className="facts link-facts" aria-label="Upload link details">
      <dt>Files received</dt>
      <dd>{filesText(link)}</dd>
      <dt>Space used</dt>
      <dd>{spaceText(link)}</dd>
      <dt>Expires</dt>
      <dd>{expiryText(uploadLinkExpiry(link))}</dd>
      <dt>E-mail address</dt>
      <dd>
        <span className="link-url-text">{link.mail}</span>{' '}
        <button type="button" className="btn link" onClick={() => void copyToClipboard(link.mail, 'E-mail address')}>
          Copy
        </button>
      </dd>
      {problem && (
        <>
          <dt>Status</dt>
          <dd className="link-problem">{problem}: uploads are refused until you change its limits.</dd>
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
