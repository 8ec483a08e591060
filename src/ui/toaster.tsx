import { dismissToast, useToasts } from '../stores/toasts';

/** Activity area: operation results, errors and progress, announced politely to screen readers. */
export function Toaster() {
  const toasts = useToasts();
  return (
    <div className="toaster" role="region" aria-label="Notifications">
      <div aria-live="polite" aria-relevant="additions text">
        {toasts.map((t) => (
          <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
            <span className="toast-msg">{t.message}</span>
            {t.progress !== undefined && (
              <progress max={1} value={t.progress} aria-label={`${Math.round(t.progress * 100)}%`} />
            )}
            {t.action && (
              <button
                className="btn link"
                onClick={() => {
                  t.action!.run();
                  dismissToast(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button className="btn icon" aria-label="Dismiss notification" onClick={() => dismissToast(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
