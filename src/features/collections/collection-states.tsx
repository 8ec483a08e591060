// Loading failures of the playlist views, and pCloud's refusal of collections to OAuth sign-ins.
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import collections from '../../locales/en/collections';
import common from '../../locales/en/common';
import { NotAvailableWithSignIn, PCLOUD_WEB_AUDIO } from '../../widgets/not-available';
import { Button } from '../../ui/button';

export function CollectionsUnavailable() {
  const t = useT(collections);
  return <NotAvailableWithSignIn title={t('unavailableTitle')} what={t('unavailableWhat')} href={PCLOUD_WEB_AUDIO} linkText={t('openMusic')} />;
}

/** `title` says what could not be loaded (a translated sentence). */
export function LoadError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  const tc = useT(common);
  return (
    <div className="state-box" role="alert">
      <h2>{title}</h2>
      <p className="muted">{errorMessage(error)}</p>
      <Button variant="primary" onClick={retry}>
        {tc('tryAgain')}
      </Button>
    </div>
  );
}
