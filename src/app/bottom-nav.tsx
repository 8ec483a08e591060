import { lazy, Suspense, useState } from 'react';
import { paths } from '../routing/paths';
import { Icon } from '../ui/icons';
import { useT } from '../i18n';
import app from '../locales/en/app';
import searchText from '../locales/en/search';
import { NavLink, useIsActive } from './nav-link';

const MoreSheet = lazy(() => import('./more-sheet'));

/**
 * The phone's navigation (≤ 720 px, where the sidebar is hidden): the four sections used most and
 * "More" for the rest, at the bottom where a thumb reaches them, as Drive, Dropbox and pCloud's own
 * mobile web do. Hidden by CSS on wider screens (the sidebar has every section there).
 */
export function BottomNav() {
  const t = useT(app);
  const ts = useT(searchText);
  const [more, setMore] = useState(false);
  const inMore = [useIsActive(paths.links), useIsActive(paths.collections), useIsActive(paths.trash), useIsActive(paths.account), useIsActive(paths.search)].some(Boolean);
  return (
    <nav className="bottom-nav" aria-label={t('sections')}>
      <NavLink to={paths.folder(0)} section={paths.folder('')} className="bottom-item">
        <Icon name="list" /> <span>{t('navFilesShort')}</span>
      </NavLink>
      <NavLink to={paths.recent} className="bottom-item">
        <Icon name="history" /> <span>{ts('navRecent')}</span>
      </NavLink>
      <NavLink to={paths.photos} className="bottom-item">
        <Icon name="grid" /> <span>{ts('navPhotos')}</span>
      </NavLink>
      <NavLink to={paths.shared} className="bottom-item">
        <Icon name="share" /> <span>{t('navShared')}</span>
      </NavLink>
      <button type="button" className={`bottom-item ${inMore ? 'active' : ''}`} aria-haspopup="dialog" aria-expanded={more} onClick={() => setMore(true)}>
        <Icon name="more" /> <span>{t('navMore')}</span>
      </button>
      {more && (
        <Suspense fallback={null}>
          <MoreSheet onClose={() => setMore(false)} />
        </Suspense>
      )}
    </nav>
  );
}
