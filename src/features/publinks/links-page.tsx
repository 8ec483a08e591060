// The Links page: public links and upload links in two tabs (WAI-ARIA tabs pattern, the chosen tab
// kept in the URL as ?tab=upload so it survives reloads and can be linked to).
import { useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PublinksList } from './publinks-list';
import { UploadLinksList } from './uploadlinks-list';
import './links.css';

const TABS = [
  { id: 'public', label: 'Public links' },
  { id: 'upload', label: 'Upload links' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function LinksPage() {
  const [search, setSearch] = useSearchParams();
  const tab: TabId = search.get('tab') === 'upload' ? 'upload' : 'public';
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  const choose = (id: TabId, focus = false) => {
    setSearch(id === 'public' ? {} : { tab: id }, { replace: true });
    if (focus) refs.current[id]?.focus();
  };

  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    choose(TABS[next].id, true);
  };

  return (
    <section className="links-page" aria-labelledby="links-title">
      <h1 id="links-title" className="page-title">
        Links
      </h1>
      <div className="links-tabs" role="tablist" aria-label="Kind of link" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`links-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`links-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="links-tab"
            onClick={() => choose(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="links-panel" role="tabpanel" id={`links-panel-${tab}`} aria-labelledby={`links-tab-${tab}`}>
        {tab === 'public' ? <PublinksList /> : <UploadLinksList />}
      </div>
    </section>
  );
}
