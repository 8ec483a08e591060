import { useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';
import { Toaster } from '../../ui/toaster';
import type { LinkProblem } from './problems';
import './public.css';
import { Button } from '../../ui/button';

/** The bare page around anonymous views: no app shell, no account menu. */
export function PublicFrame({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  const t = useT(pub);
  const pageTitle = title ? t('pageTitle', { title }) : 'pCloud';
  useEffect(() => {
    const before = document.title;
    document.title = pageTitle;
    return () => {
      document.title = before;
    };
  }, [pageTitle]);
  return (
    <div className="pub-page">
      <header className="pub-top">
        <a className="logo" href="/" aria-label={t('home')}>
          <span aria-hidden="true">☁</span> pCloud Web
        </a>
        <span className="pub-spacer" />
        {actions}
      </header>
      <main className="pub-main" id="main">
        {children}
      </main>
      <Toaster />
    </div>
  );
}

export function ProblemPage({ problem, onRetry, children }: { problem: LinkProblem; onRetry?: () => void; children?: ReactNode }) {
  const tc = useT(common);
  return (
    <PublicFrame title={problem.title}>
      <section className="state-box pub-problem" data-problem={problem.id} aria-labelledby="pub-problem-title">
        <h1 id="pub-problem-title">{problem.title}</h1>
        <p className="muted">{problem.detail}</p>
        {problem.retry && onRetry && (
          <Button variant="primary" onClick={onRetry}>
            {tc('tryAgain')}
          </Button>
        )}
        {children}
      </section>
    </PublicFrame>
  );
}

export function Loading({ label }: { label: string }) {
  return <div className="loading" role="status" aria-label={label} />;
}
