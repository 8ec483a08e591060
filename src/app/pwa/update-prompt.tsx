import { useT } from '../../i18n';
import app from '../../locales/en/app';
import { reloadToUpdate, updateDismissed, useUpdateReady } from './register';

/** "A new version is ready": shown on every page, never switches versions by itself. */
export function UpdatePrompt() {
  const ready = useUpdateReady();
  const t = useT(app);
  return (
    <div className="update-prompt-region" role="status" aria-live="polite">
      {ready && (
        <div className="update-prompt">
          <span>{t('updateReady')}</span>
          <button className="btn primary" onClick={reloadToUpdate}>
            {t('reload')}
          </button>
          <button className="btn" onClick={updateDismissed}>
            {t('later')}
          </button>
        </div>
      )}
    </div>
  );
}
