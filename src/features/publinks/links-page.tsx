// The Links page: public links and upload links in two tabs (WAI-ARIA tabs pattern, the chosen tab
// kept in the URL as ?tab=upload so it survives reloads and can be linked to).
import { useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from '../../routing/location';
import { useT } from '../../i18n';
import links from '../../locales/en/links';
import { PublinksList } from './publinks-list';
import { UploadLinksList } from './uploadlinks-list';
import './links.css';

// labels are links-namespace keys, translated at render
const TABS = [
  { id: 'public', label: 'publicLinks' },
  { id: 'upload', label: 'uploadLinks' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function LinksPage() {
  const [search, setSearch] = useSearchParams();
  const tab: TabId = search.get('tab') === 'upload' ? 'upload' : 'public';
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const t = useT(links);

  const choose = (id: TabId, focus = false) => {
    setSearch(id === 'public' ? {} : { tab: id }, { replace: true });
    if (focus) refs.current[id]?.focus();
  };

  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    choose(TABS[next].id, true);
  };

  return (
    <section className="links-page" aria-labelledby="links-title">
      <h1 id="links-title" className="page-title">
        {t('pageHeading')}
      </h1>
      <div className="links-tabs" role="tablist" aria-label={t('kindOfLink')} onKeyDown={onKey}>
        {TABS.map((x) => (
          <button
            key={x.id}
            ref={(el) => {
              refs.current[x.id] = el;
            }}
            type="button"
            role="tab"
            id={`links-tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={tab === x.id ? `links-panel-${x.id}` : undefined}
            tabIndex={tab === x.id ? 0 : -1}
            className="links-tab"
            onClick={() => choose(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div className="links-panel" role="tabpanel" id={`links-panel-${tab}`} aria-labelledby={`links-tab-${tab}`}>
        {tab === 'public' ? <PublinksList /> : <UploadLinksList />}
      </div>
    </section>
  );
}
