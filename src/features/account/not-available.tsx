// pCloud refuses some methods (trash_*, collection_*, getzip, listtokens) to OAuth tokens with 1000. That is not a
// signed-out session: explain it calmly and point to pCloud's own web app instead.
import { useT } from '../../i18n';
import account from '../../locales/en/account';

export const PCLOUD_WEB_TRASH = 'https://my.pcloud.com/#page=trash';
export const PCLOUD_WEB_SETTINGS = 'https://my.pcloud.com/#page=settings';
export const PCLOUD_WEB_AUDIO = 'https://my.pcloud.com/#page=audio';

/** `what` is the thing pCloud hides, worded to fit the sentence ("your trash"), already translated. */
export function NotAvailableWithSignIn({ title, what, href, linkText }: { title: string; what: string; href: string; linkText: string }) {
  const t = useT(account);
  return (
    <div className="state-box not-available" role="status">
      <h2>{title}</h2>
      <p className="muted">{t('notAvailableText', { what })}</p>
      <a className="btn primary" href={href} target="_blank" rel="noopener noreferrer">
        {linkText}
        <span className="sr-only"> {t('newTab')}</span>
      </a>
    </div>
  );
}
