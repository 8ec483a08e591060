import { Component, type ReactNode } from 'react';
import { useT } from '../i18n';
import app from '../locales/en/app';

interface State {
  error: Error | null;
}

/** Last line of defence: a view that crashed offers a reload instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; label?: string }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <Crashed error={this.state.error} label={this.props.label} />;
  }
}

function Crashed({ error, label }: { error: Error; label?: string }) {
  const t = useT(app);
  return (
    <div className="state-box" role="alert">
      <h2>{label ? t('crashedIn', { place: label }) : t('crashed')}</h2>
      <p className="muted">{error.message}</p>
      <button className="btn primary" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </div>
  );
}
