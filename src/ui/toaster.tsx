import { dismissToast, useToasts } from '../stores/toasts';
import { useT } from '../i18n';
import ui from '../locales/en/ui';

const percents = new Map<string, Intl.NumberFormat>();
function percent(value: number, locale: string): string {
  let f = percents.get(locale);
  if (!f) percents.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));
  return f.format(value);
}

/** Activity area: operation results, errors and progress, announced politely to screen readers. */
export function Toaster() {
  const toasts = useToasts();
  const t = useT(ui);
  return (
    <div className="toaster" role="region" aria-label={t('notifications')}>
      <div aria-live="polite" aria-relevant="additions text">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
            <span className="toast-msg">{toast.message}</span>
            {toast.progress !== undefined && (
              <progress max={1} value={toast.progress} aria-label={percent(toast.progress, t.locale)} />
            )}
            {toast.action && (
              <button
                className="btn link"
                onClick={() => {
                  toast.action!.run();
                  dismissToast(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button className="btn icon" aria-label={t('dismiss')} onClick={() => dismissToast(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
