// /shared: invitations waiting for me, folders others share with me, folders I share with others.
import { displayName } from '../../i18n/display-name';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { useSearchParams } from '../../routing/location';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Share, ShareRequest } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import share from '../../locales/en/share';
import { formatDate } from '../../lib/format';
import { folderMetaOptions } from '../../queries/folder';
import { permissionBits, shareListOptions, useRemoveShare } from '../../queries/sharing';
import { openDialog } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { ItemIcon } from '../../ui/icons';
import { errorMessage } from '../../i18n/error-message';
import { Inbox } from './inbox';
import { PeopleList } from './people-list';
import { permissionLabel, type ShareT } from './permissions';
import './share.css';
import { Button, buttonClass } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog-actions';
import { EmptyState, ErrorState } from '../../ui/empty-state';


// labels are share-namespace keys, translated at render
const TABS = [
  { id: 'invitations', label: 'tabInvitations' },
  { id: 'with-me', label: 'tabWithMe' },
  { id: 'by-me', label: 'tabByMe' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const FOLDER = { isfolder: true, icon: 'folder' } as const;

function LeaveDialog({ leaving, onClose }: { leaving: Share; onClose: () => void }) {
  const remove = useRemoveShare();
  const t = useT(share);
  const [error, setError] = useState<string | null>(null);
  const leave = async () => {
    setError(null);
    try {
      await remove.mutateAsync({ shareid: leaving.shareid });
      onClose();
      toast({ kind: 'info', message: t('left', { name: leaving.sharename }) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <ConfirmDialog
      title={t('leaveTitle', { name: leaving.sharename })}
      message={leaving.frommail ? t('leaveDescription', { owner: leaving.frommail }) : t('leaveDescriptionAnon')}
      cancelLabel={t('stay')}
      confirmLabel={t('leaveFolder')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => void leave()}
    >
      {error && (
        <p className="inline-alert" role="alert">
          {t('leaveFailed', { error })}
        </p>
      )}
    </ConfirmDialog>
  );
}

function SharedWithMe({ shares }: { shares: readonly Share[] }) {
  const [leaving, setLeaving] = useState<Share | null>(null);
  const t = useT(share);
  const tc = useT(common);
  if (shares.length === 0) {
    return (
      <EmptyState className="empty" title={t('withMeEmpty')} text={t('withMeEmptyHint')} />
    );
  }
  return (
    <>
      <ul className="share-cards" aria-label={t('withMeList')}>
        {shares.map((s) => (
          <li key={s.shareid} className="share-card">
            <div className="share-card-head">
              <ItemIcon item={FOLDER} size={28} />
              <div className="share-card-title">
                <Link to={paths.folder(s.folderid)} dir="auto">
                  {s.sharename}
                </Link>
                <span className="muted share-sub">
                  {t.rich('fromSince', {
                    from: <span dir="auto">{s.frommail ?? t('anotherUser')}</span>,
                    permission: permissionLabel(permissionBits(s), t),
                    date: formatDate(s.created, t.locale),
                  })}
                </span>
              </div>
              <div className="share-card-actions">
                <Link className={buttonClass()} to={paths.folder(s.folderid)} aria-label={t('openName', { name: s.sharename })}>
                  {tc('open')}
                </Link>
                <Button variant="danger" aria-label={t('leaveName', { name: s.sharename })} onClick={() => setLeaving(s)}>
                  {t('leave')}
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {leaving && <LeaveDialog leaving={leaving} onClose={() => setLeaving(null)} />}
    </>
  );
}

interface OutgoingFolder {
  folderid: number;
  name: string;
  shares: Share[];
  requests: ShareRequest[];
}

function groupByFolder(shares: readonly Share[], requests: readonly ShareRequest[]): OutgoingFolder[] {
  const byId = new Map<number, OutgoingFolder>();
  const group = (folderid: number, name: string) => {
    let g = byId.get(folderid);
    if (!g) {
      g = { folderid, name, shares: [], requests: [] };
      byId.set(folderid, g);
    }
    return g;
  };
  for (const s of shares) group(s.folderid, s.sharename).shares.push(s);
  for (const r of requests) group(r.folderid, r.sharename).requests.push(r);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function accessSummary(f: OutgoingFolder, t: ShareT): string {
  const parts: string[] = [];
  if (f.shares.length) parts.push(t('peopleHaveAccess', { count: f.shares.length }));
  if (f.requests.length) parts.push(t('invitationsPending', { count: f.requests.length }));
  return parts.join(' · ');
}

function SharedByMe({ shares, requests }: { shares: readonly Share[]; requests: readonly ShareRequest[] }) {
  const qc = useQueryClient();
  const t = useT(share);
  const folders = groupByFolder(shares, requests);
  const manage = async (folderid: number) => {
    try {
      const folder = await qc.fetchQuery(folderMetaOptions(folderid));
      openDialog({ kind: 'share', items: [folder] });
    } catch (err) {
      toast({ kind: 'error', message: t('openSharingFailed', { error: errorMessage(err) }) });
    }
  };
  if (folders.length === 0) {
    return (
      <div className="state-box empty">
        <h2>{t('byMeEmpty')}</h2>
        <p className="muted">{t('byMeEmptyHint')}</p>
        <Link className={buttonClass({ variant: 'primary' })} to={paths.folder(0)}>
          {t('goToFiles')}
        </Link>
      </div>
    );
  }
  return (
    <ul className="share-cards" aria-label={t('byMeList')}>
      {folders.map((f) => (
        <li key={f.folderid} className="share-card">
          <div className="share-card-head">
            <ItemIcon item={FOLDER} size={28} />
            <div className="share-card-title">
              <Link to={paths.folder(f.folderid)} dir="auto">
                {displayName(f.name)}
              </Link>
              <span className="muted share-sub">
                {accessSummary(f, t)}
              </span>
            </div>
            <div className="share-card-actions">
              <Button icon="share" aria-label={t('inviteTo', { name: f.name })} onClick={() => void manage(f.folderid)}>
                {t('invite')}
              </Button>
            </div>
          </div>
          <PeopleList shares={f.shares} requests={f.requests} label={t('peopleWithAccessTo', { name: f.name })} />
        </li>
      ))}
    </ul>
  );
}

export default function SharedPage() {
  const lists = useQuery(shareListOptions());
  const t = useT(share);
  const [search, setSearch] = useSearchParams();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const data = lists.data;
  const invitations = data?.requests?.incoming ?? [];
  const withMe = data?.shares?.incoming ?? [];
  const byMeShares = data?.shares?.outgoing ?? [];
  const byMeRequests = data?.requests?.outgoing ?? [];
  const requested = search.get('tab');
  const tab: TabId = TABS.some((x) => x.id === requested) ? (requested as TabId) : invitations.length > 0 ? 'invitations' : 'with-me';
  const counts: Record<TabId, number> = {
    invitations: invitations.length,
    'with-me': withMe.length,
    'by-me': new Set([...byMeShares, ...byMeRequests].map((x) => x.folderid)).size,
  };

  const pageTitle = t('pageTitle');
  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);

  // the default tab is chosen once, so answering the last invitation does not whisk the page away
  const defaultTab = data && !requested ? tab : null;
  useEffect(() => {
    if (defaultTab) setSearch({ tab: defaultTab }, { replace: true });
  }, [defaultTab, setSearch]);

  const choose = (id: TabId, focus = false) => {
    setSearch({ tab: id }, { replace: true });
    if (focus) tabRefs.current[id]?.focus();
  };

  // arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation)
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    choose(TABS[(to + TABS.length) % TABS.length].id, true);
  };

  let body;
  if (lists.isPending) {
    body = <div className="loading" role="status" aria-label={t('loadingShares')} />;
  } else if (lists.isError) {
    body = (
      <ErrorState title={t('loadFailed')} detail={errorMessage(lists.error)} onRetry={() => void lists.refetch()} />
    );
  } else if (tab === 'invitations') {
    body = <Inbox requests={invitations} />;
  } else if (tab === 'with-me') {
    body = <SharedWithMe shares={withMe} />;
  } else {
    body = <SharedByMe shares={byMeShares} requests={byMeRequests} />;
  }

  return (
    <div className="shared-page">
      <h1 className="page-title">{t('heading')}</h1>
      {invitations.length > 0 && tab !== 'invitations' && (
        <p className="share-banner" role="status">
          <span>{t('waiting', { count: invitations.length })}</span>
          <Button onClick={() => choose('invitations')}>
            {t('showInvitations')}
          </Button>
        </p>
      )}
      <div className="share-tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onTabKey}>
        {TABS.map((x) => {
          const count = counts[x.id];
          const selected = x.id === tab;
          const alert = x.id === 'invitations' && count > 0;
          const shown = new Intl.NumberFormat(t.locale).format(count);
          return (
            <button
              key={x.id}
              ref={(el) => {
                tabRefs.current[x.id] = el;
              }}
              type="button"
              role="tab"
              id={`share-tab-${x.id}`}
              aria-selected={selected}
              aria-controls="share-panel"
              tabIndex={selected ? 0 : -1}
              className="share-tab"
              onClick={() => choose(x.id)}
            >
              {t(x.label)}
              {data && (
                <span className={`share-count ${alert ? 'alert' : ''}`} aria-label={alert ? t('countPending', { count }) : shown}>
                  {shown}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div id="share-panel" role="tabpanel" aria-labelledby={`share-tab-${tab}`} className="share-panel">
        {body}
      </div>
    </div>
  );
}
