import * as RD from '@radix-ui/react-dialog';
import { paths } from '../routing/paths';
import { Icon } from '../ui/icons';
import { useT } from '../i18n';
import app from '../locales/en/app';
import { NavLink } from './nav-link';

/** The bottom bar's "More": the sections that do not fit in the bar, as a sheet from the bottom edge. */
export default function MoreSheet({ onClose }: { onClose: () => void }) {
  const t = useT(app);
  return (
    <RD.Root open onOpenChange={(o) => !o && onClose()}>
      <RD.Portal>
        <RD.Overlay className="overlay sheet-overlay" />
        <RD.Content className="sheet" aria-describedby={undefined}>
          <div className="sheet-head">
            <RD.Title className="dialog-title">{t('navMoreTitle')}</RD.Title>
            <RD.Close className="btn icon" aria-label={t('close')}>
              <Icon name="close" />
            </RD.Close>
          </div>
          <nav aria-label={t('navMoreTitle')} className="sheet-nav">
            <NavLink to={paths.search} className="nav-item" onClick={onClose}>
              <Icon name="search" /> {t('navSearch')}
            </NavLink>
            <NavLink to={paths.links} className="nav-item" onClick={onClose}>
              <Icon name="link" /> {t('navLinks')}
            </NavLink>
            <NavLink to={paths.collections} className="nav-item" onClick={onClose}>
              <Icon name="music" /> {t('navPlaylists')}
            </NavLink>
            <NavLink to={paths.trash} className="nav-item" onClick={onClose}>
              <Icon name="trash" /> {t('navTrash')}
            </NavLink>
            <NavLink to={paths.account} className="nav-item" onClick={onClose}>
              <Icon name="user" /> {t('navAccount')}
            </NavLink>
          </nav>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
