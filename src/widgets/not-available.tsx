// pCloud refuses some methods (trash_*, collection_*, getzip, listtokens) to OAuth tokens with 1000. That is not a
// signed-out session: explain it calmly, and offer the way forward — a full-access sign-in with e-mail and
// password — plus, on real pCloud, its own web app.
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../i18n';
import account from '../locales/en/account';
import { useSession } from '../stores/session';
import { switchToFullAccess } from '../commands/sign-out';
import { Button, buttonClass } from '../ui/button';

export const PCLOUD_WEB_TRASH = 'https://my.pcloud.com/#page=trash';
export const PCLOUD_WEB_SETTINGS = 'https://my.pcloud.com/#page=settings';
export const PCLOUD_WEB_AUDIO = 'https://my.pcloud.com/#page=audio';

/** pCloud's web app of the session's region; none for the local server, which has no such app. */
function webAppLink(href: string, region: string | undefined): string | null {
  if (region === 'local') return null;
  return region === 'eu' ? href.replace('https://my.pcloud.com', 'https://e.pcloud.com') : href;
}

/** The button that leaves an OAuth session for a full-access sign-in. */
export function FullAccessButton() {
  const t = useT(account);
  const qc = useQueryClient();
  return (
    <Button variant="primary" onClick={() => void switchToFullAccess(qc)}>
      {t('signInFullAccess')}
    </Button>
  );
}

/** `what` is the thing pCloud hides, worded to fit the sentence ("your trash"), already translated. */
export function NotAvailableWithSignIn({ title, what, href, linkText }: { title: string; what: string; href: string; linkText: string }) {
  const t = useT(account);
  const session = useSession();
  const local = session?.region === 'local';
  const link = webAppLink(href, session?.region);
  return (
    <div className="state-box not-available" role="status">
      <h2>{title}</h2>
      <p className="muted">{t('notAvailableText', { what, server: local ? session.hostname : 'pCloud' })}</p>
      <p className="muted">{t('fullAccessWay')}</p>
      <div className="not-available-actions">
        <FullAccessButton />
        {link && (
          <a className={buttonClass()} href={link} target="_blank" rel="noopener noreferrer">
            {linkText}
            <span className="sr-only"> {t('newTab')}</span>
          </a>
        )}
      </div>
    </div>
  );
}
