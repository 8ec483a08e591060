import { useEffect, type ReactNode } from 'react';
import { Toaster } from '../../ui/toaster';
import type { LinkProblem } from './problems';
import './public.css';

/** The bare page around anonymous views: no app shell, no account menu. */
export function PublicFrame({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    const before = document.title;
    document.title = title ? `${title} · pCloud` : 'pCloud';
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className="pub-page">
      <header className="pub-top">
        <a className="logo" href="/" aria-label="pCloud Web home">
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
  return (
    <PublicFrame title={problem.title}>
      <section className="state-box pub-problem" data-problem={problem.id} aria-labelledby="pub-problem-title">
        <h1 id="pub-problem-title">{problem.title}</h1>
        <p className="muted">{problem.detail}</p>
        {problem.retry && onRetry && (
          <button className="btn primary" onClick={onRetry}>
            Try again
          </button>
        )}
        {children}
      </section>
    </PublicFrame>
  );
}

export function Loading({ label }: { label: string }) {
  return <div className="loading" role="status" aria-label={label} />;
}
