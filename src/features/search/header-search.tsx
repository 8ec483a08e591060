// The header's search field: Enter opens /search?q=…; "/" focuses it and "?" opens the shortcut
// sheet from anywhere outside a text field.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../routing/paths';
import { useSearchParams } from '../../routing/location';
import { Icon } from '../../ui/icons';
import { useT } from '../../i18n';
import search from '../../locales/en/search';
import './search.css';

const ShortcutSheet = lazy(() => import('./shortcut-sheet').then((m) => ({ default: m.ShortcutSheet })));

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

export function HeaderSearch() {
  const [path, navigate] = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = path === paths.search;
  const current = onSearchPage ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  const [sheet, setSheet] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const t = useT(search);

  // back/forward and deep links change the query under the field
  useEffect(() => setText(current), [current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target) || document.querySelector('[role="dialog"]')) return;
      if (e.key === '/') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      } else if (e.key === '?') {
        e.preventDefault();
        setSheet(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <form
        role="search"
        className="header-search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = text.trim();
          if (!q) return;
          const type = onSearchPage ? (params.get('type') ?? undefined) : undefined;
          navigate(paths.searchFor(q, type));
        }}
      >
        <Icon name="search" />
        <input
          ref={input}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          placeholder={t('fieldPlaceholder')}
          aria-label={t('fieldLabel')}
          enterKeyHint="search"
        />
      </form>
      {sheet && (
        <Suspense fallback={null}>
          <ShortcutSheet onClose={() => setSheet(false)} />
        </Suspense>
      )}
    </>
  );
}
