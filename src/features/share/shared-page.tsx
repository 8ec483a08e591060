// /shared: invitations waiting for me, folders others share with me, folders I share with others.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Share, ShareRequest } from '../../api/protocol/types';
import { paths } from '../../app/paths';
import { formatDate } from '../../lib/format';
import { folderMetaOptions } from '../../queries/folder';
import { permissionBits, shareListOptions, useRemoveShare } from '../../queries/sharing';
import { openDialog } from '../../stores/dialogs';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { humanError } from '../browse/operations';
import { Inbox } from './inbox';
import { PeopleList } from './people-list';
import { permissionLabel } from './permissions';
import './share.css';

const TABS = [
  { id: 'invitations', label: 'Invitations' },
  { id: 'with-me', label: 'Shared with me' },
  { id: 'by-me', label: 'Shared by me' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const FOLDER = { isfolder: true, icon: 'folder' } as const;

function LeaveDialog({ share, onClose }: { share: Share; onClose: () => void }) {
  const remove = useRemoveShare();
  const [error, setError] = useState<string | null>(null);
  const leave = async () => {
    setError(null);
    try {
      await remove.mutateAsync({ shareid: share.shareid });
      onClose();
      toast({ kind: 'info', message: `You left “${share.sharename}”` });
    } catch (err) {
      setError(humanError(err));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Leave “${share.sharename}”?`}
      description={`The folder disappears from your files. ${share.frommail ?? 'The owner'} can invite you again.`}
    >
      {error && (
        <p className="inline-alert" role="alert">
          Could not leave: {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Stay
        </button>
        <button type="button" className="btn primary danger-fill" disabled={remove.isPending} onClick={() => void leave()}>
          Leave folder
        </button>
      </div>
    </Dialog>
  );
}

function SharedWithMe({ shares }: { shares: readonly Share[] }) {
  const [leaving, setLeaving] = useState<Share | null>(null);
  if (shares.length === 0) {
    return (
      <div className="state-box empty">
        <h2>Nothing is shared with you</h2>
        <p className="muted">Folders other people share with you appear here once you accept their invitation.</p>
      </div>
    );
  }
  return (
    <>
      <ul className="share-cards" aria-label="Folders shared with me">
        {shares.map((s) => (
          <li key={s.shareid} className="share-card">
            <div className="share-card-head">
              <ItemIcon item={FOLDER} size={28} />
              <div className="share-card-title">
                <Link to={paths.folder(s.folderid)} dir="auto">
                  {s.sharename}
                </Link>
                <span className="muted share-sub">
                  From <span dir="auto">{s.frommail ?? 'another pCloud user'}</span> · {permissionLabel(permissionBits(s))} · since {formatDate(s.created)}
                </span>
              </div>
              <div className="share-card-actions">
                <Link className="btn" to={paths.folder(s.folderid)} aria-label={`Open ${s.sharename}`}>
                  Open
                </Link>
                <button type="button" className="btn danger" aria-label={`Leave ${s.sharename}`} onClick={() => setLeaving(s)}>
                  Leave
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {leaving && <LeaveDialog share={leaving} onClose={() => setLeaving(null)} />}
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

function accessSummary(f: OutgoingFolder): string {
  const parts: string[] = [];
  if (f.shares.length) parts.push(`${f.shares.length} ${f.shares.length === 1 ? 'person has' : 'people have'} access`);
  if (f.requests.length) parts.push(`${f.requests.length} invitation${f.requests.length === 1 ? '' : 's'} pending`);
  return parts.join(' · ');
}

function SharedByMe({ shares, requests }: { shares: readonly Share[]; requests: readonly ShareRequest[] }) {
  const qc = useQueryClient();
  const folders = groupByFolder(shares, requests);
  const manage = async (folderid: number) => {
    try {
      const folder = await qc.fetchQuery(folderMetaOptions(folderid));
      openDialog({ kind: 'share', items: [folder] });
    } catch (err) {
      toast({ kind: 'error', message: `Could not open the folder's sharing: ${humanError(err)}` });
    }
  };
  if (folders.length === 0) {
    return (
      <div className="state-box empty">
        <h2>You are not sharing any folder</h2>
        <p className="muted">
          Select one of your folders and choose “Share with people…” to invite someone.
        </p>
        <Link className="btn primary" to={paths.folder(0)}>
          Go to my files
        </Link>
      </div>
    );
  }
  return (
    <ul className="share-cards" aria-label="Folders shared by me">
      {folders.map((f) => (
        <li key={f.folderid} className="share-card">
          <div className="share-card-head">
            <ItemIcon item={FOLDER} size={28} />
            <div className="share-card-title">
              <Link to={paths.folder(f.folderid)} dir="auto">
                {f.name}
              </Link>
              <span className="muted share-sub">
                {accessSummary(f)}
              </span>
            </div>
            <div className="share-card-actions">
              <button type="button" className="btn" aria-label={`Invite people to ${f.name}`} onClick={() => void manage(f.folderid)}>
                <Icon name="share" /> Invite…
              </button>
            </div>
          </div>
          <PeopleList shares={f.shares} requests={f.requests} label={`People with access to ${f.name}`} />
        </li>
      ))}
    </ul>
  );
}

export default function SharedPage() {
  const lists = useQuery(shareListOptions());
  const [search, setSearch] = useSearchParams();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const data = lists.data;
  const invitations = data?.requests?.incoming ?? [];
  const withMe = data?.shares?.incoming ?? [];
  const byMeShares = data?.shares?.outgoing ?? [];
  const byMeRequests = data?.requests?.outgoing ?? [];
  const requested = search.get('tab');
  const tab: TabId = TABS.some((t) => t.id === requested) ? (requested as TabId) : invitations.length > 0 ? 'invitations' : 'with-me';
  const counts: Record<TabId, number> = {
    invitations: invitations.length,
    'with-me': withMe.length,
    'by-me': new Set([...byMeShares, ...byMeRequests].map((x) => x.folderid)).size,
  };

  useEffect(() => {
    document.title = `Shared — pCloud Web`;
  }, []);

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
    const i = TABS.findIndex((t) => t.id === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    choose(TABS[(to + TABS.length) % TABS.length].id, true);
  };

  let body;
  if (lists.isPending) {
    body = <div className="loading" role="status" aria-label="Loading shares" />;
  } else if (lists.isError) {
    body = (
      <div className="state-box" role="alert">
        <h2>Shares could not be loaded</h2>
        <p className="muted">{humanError(lists.error)}</p>
        <button className="btn primary" onClick={() => void lists.refetch()}>
          Try again
        </button>
      </div>
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
      <h1 className="page-title">Shared</h1>
      {invitations.length > 0 && tab !== 'invitations' && (
        <p className="share-banner" role="status">
          <span>
            You have {invitations.length} invitation{invitations.length === 1 ? '' : 's'} waiting.
          </span>
          <button type="button" className="btn" onClick={() => choose('invitations')}>
            Show invitations
          </button>
        </p>
      )}
      <div className="share-tabs" role="tablist" aria-label="Shares" onKeyDown={onTabKey}>
        {TABS.map((t) => {
          const count = counts[t.id];
          const selected = t.id === tab;
          const alert = t.id === 'invitations' && count > 0;
          return (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`share-tab-${t.id}`}
              aria-selected={selected}
              aria-controls="share-panel"
              tabIndex={selected ? 0 : -1}
              className="share-tab"
              onClick={() => choose(t.id)}
            >
              {t.label}
              {data && (
                <span className={`share-count ${alert ? 'alert' : ''}`} aria-label={alert ? `${count} pending` : `${count}`}>
                  {count}
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
