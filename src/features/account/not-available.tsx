// pCloud refuses some methods (trash_*, collection_*, getzip, listtokens) to OAuth tokens with 1000. That is not a
// signed-out session: explain it calmly and point to pCloud's own web app instead.
import { errorMessage } from '../../i18n/error-message';

export const PCLOUD_WEB_TRASH = 'https://my.pcloud.com/#page=trash';
export const PCLOUD_WEB_SETTINGS = 'https://my.pcloud.com/#page=settings';
export const PCLOUD_WEB_AUDIO = 'https://my.pcloud.com/#page=audio';

export function NotAvailableWithSignIn({ title, what, href, linkText }: { title: string; what: string; href: string; linkText: string }) {
  return (
    <div className="state-box not-available" role="status">
      <h2>{title}</h2>
      <p className="muted">
        pCloud does not let third-party apps see {what} when you sign in this way. Your data is safe, and you are still signed in.
      </p>
      <a className="btn primary" href={href} target="_blank" rel="noopener noreferrer">
        {linkText}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </div>
  );
}

/** What to tell the user about a failed call, in the app's language (src/i18n/error-message.ts). */
export const errorText = (err: unknown): string => errorMessage(err);
