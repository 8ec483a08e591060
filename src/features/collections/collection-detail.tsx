// One playlist: its tracks in order, reordering (drag and drop, or Move up / Move down from the
// keyboard → collection_move), removing tracks, and playing it in the mini-player.
import { displayName } from '../../i18n/display-name';
import { useRef, useState, type DragEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import type { CollectionItem } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { getT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { formatBytes } from '../../lib/format';
import collections from '../../locales/en/collections';
import common from '../../locales/en/common';
import { collectionDetailsOptions, useMoveCollectionItem, useUnlinkCollectionFiles } from '../../queries/collections';
import { playQueue, usePlayer } from '../../stores/player';
import { toast } from '../../stores/toasts';
import { DeleteCollectionDialog, RenameCollectionDialog } from './collection-dialogs';
import { CollectionsUnavailable, LoadError } from './collection-states';
import { Button } from '../../ui/button';

const AUDIO = 3;
const tNow = getT(collections);

/** Where a dragged row lands: `gap` is the slot between rows (0 = before the first). */
function finalIndex(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap;
}

function trackLabel(item: CollectionItem): string {
  const tagged = item as CollectionItem & { title?: string; artist?: string };
  return tagged.title ? `${tagged.artist ? `${tagged.artist} – ` : ''}${tagged.title}` : item.name;
}

export function CollectionDetail({ collectionid }: { collectionid: number }) {
  const t = useT(collections);
  const tc = useT(common);
  const details = useQuery(collectionDetailsOptions(collectionid));
  const move = useMoveCollectionItem();
  const unlink = useUnlinkCollectionFiles();
  const [, navigate] = useLocation();
  const playingId = usePlayer((s) => (s.index >= 0 ? s.queue[s.index]?.fileid : undefined));
  const [order, setOrder] = useState<number[] | null>(null); // fileids while a move is on its way
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropGap, setDropGap] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  if (details.isPending) return <div className="loading" role="status" aria-label={t('loadingPlaylist')} />;
  if (details.isError && isOAuthRefusal(details.error)) return <CollectionsUnavailable />;
  if (details.isError) {
    return (
      <>
        <LoadError title={t('playlistLoadError')} error={details.error} retry={() => void details.refetch()} />
        <p className="state-box">
          <Link to={paths.collections}>{t('allPlaylists')}</Link>
        </p>
      </>
    );
  }

  const collection = details.data;
  const serverItems = collection.contents ?? [];
  const items = order
    ? order.map((id) => serverItems.find((m) => m.fileid === id)).filter((m): m is CollectionItem => m !== undefined)
    : serverItems;
  const audio = items.filter((m) => m.category === AUDIO);
  const editable = collection.ismine;

  /** The buttons are disabled while a move is on its way (focus drops): give it back to the moved row. */
  const refocus = (fileid: number, dir: 'up' | 'down') => {
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-fileid="${fileid}"]`);
      if (!row || (document.activeElement && document.activeElement !== document.body && !row.contains(document.activeElement))) return;
      const pick = (d: string) => row.querySelector<HTMLButtonElement>(`button[data-move="${d}"]:not(:disabled)`);
      (pick(dir) ?? pick(dir === 'up' ? 'down' : 'up'))?.focus();
    });
  };

  const moveTo = (from: number, to: number, byKeyboard = false) => {
    if (to < 0 || to >= items.length || to === from) return;
    const moved = items[from];
    const next = items.map((m) => m.fileid);
    next.splice(from, 1);
    next.splice(to, 0, moved.fileid);
    setOrder(next);
    move.mutate(
      { collectionid, item: moved.position, position: items[to].position, fileid: moved.fileid },
      {
        onSuccess: () => setAnnounce(tNow('movedTo', { name: moved.name, position: to + 1, total: items.length })),
        onError: (err) => toast({ kind: 'error', message: tNow('moveFailed', { name: moved.name, error: errorMessage(err) }) }),
        onSettled: () => {
          setOrder(null);
          if (byKeyboard) refocus(moved.fileid, to < from ? 'up' : 'down');
        },
      },
    );
  };

  const remove = (item: CollectionItem) =>
    unlink.mutate(
      { collectionid, positions: [item.position] },
      {
        onSuccess: () => toast({ kind: 'success', message: tNow('removed', { name: item.name }) }),
        onError: (err) => toast({ kind: 'error', message: tNow('removeFailed', { name: item.name, error: errorMessage(err) }) }),
      },
    );

  const play = (item?: CollectionItem) => {
    const start = item ? audio.findIndex((m) => m.fileid === item.fileid) : 0;
    playQueue(audio, Math.max(0, start), t('queueName', { name: collection.name }));
  };

  const onDragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (dragFrom === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = e.currentTarget.getBoundingClientRect();
    setDropGap(e.clientY < box.top + box.height / 2 ? index : index + 1);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    if (dragFrom !== null && dropGap !== null) moveTo(dragFrom, finalIndex(dragFrom, dropGap));
    setDragFrom(null);
    setDropGap(null);
  };

  return (
    <section className="collections-page" aria-labelledby="collection-title">
      <p className="collections-back">
        <Link to={paths.collections}>{t('backToAll')}</Link>
      </p>
      <div className="collections-head">
        <h1 id="collection-title" className="page-title" dir="auto">
          {displayName(collection.name)}
        </h1>
        <Button variant="primary" icon="play" disabled={audio.length === 0} onClick={() => play()}>
          {t('play')}
        </Button>
        {editable && !collection.system && (
          <>
            <Button icon="rename" onClick={() => setRenaming(true)}>
              {tc('rename')}
            </Button>
            <Button variant="danger" icon="trash" onClick={() => setDeleting(true)}>
              {tc('delete')}
            </Button>
          </>
        )}
      </div>
      <p className="status-line">
        {tc('items', { count: items.length })}
        {editable && items.length > 1 ? ` · ${t('reorderHint')}` : ''}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {items.length === 0 ? (
        <div className="state-box empty">
          <h2>{t('emptyTitle')}</h2>
          <p className="muted">{t.rich('emptyText', { files: <Link to={paths.folder(0)}>{t('yourFiles')}</Link> })}</p>
        </div>
      ) : (
        <ol ref={listRef} className="track-list" aria-label={t('tracksOf', { name: collection.name })} onDragLeave={() => setDropGap(null)}>
          {items.map((item, index) => {
            const cls = [
              'track-row',
              dragFrom === index ? 'dragging' : '',
              dropGap === index && dragFrom !== null ? 'drop-before' : '',
              dropGap === index + 1 && index === items.length - 1 && dragFrom !== null ? 'drop-after' : '',
              playingId === item.fileid ? 'playing' : '',
            ].join(' ');
            return (
              <li
                key={item.fileid}
                data-fileid={item.fileid}
                className={cls}
                draggable={editable && !move.isPending}
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', item.name);
                  setDragFrom(index);
                }}
                onDragEnd={() => {
                  setDragFrom(null);
                  setDropGap(null);
                }}
                onDragOver={(e) => onDragOver(e, index)}
                onDrop={onDrop}
              >
                {editable && (
                  <span className="drag-handle" aria-hidden="true">
                    ⠿
                  </span>
                )}
                <span className="track-num">{index + 1}</span>
                <div className="track-main">
                  <span dir="auto">{trackLabel(item)}</span>
                  <span className="muted">
                    {item.name !== trackLabel(item) ? `${displayName(item.name)} · ` : ''}
                    {formatBytes(item.size)}
                  </span>
                </div>
                <div className="row-buttons">
                  {item.category === AUDIO && (
                    <Button icon="play" aria-label={t('playItem', { name: item.name })} onClick={() => play(item)} />
                  )}
                  {editable && (
                    <>
                      <Button
                        square
                        data-move="up"
                        aria-label={t('moveUp', { name: item.name })}
                        disabled={index === 0 || move.isPending}
                        onClick={() => moveTo(index, index - 1, true)}
                      >
                        ↑
                      </Button>
                      <Button
                        square
                        data-move="down"
                        aria-label={t('moveDown', { name: item.name })}
                        disabled={index === items.length - 1 || move.isPending}
                        onClick={() => moveTo(index, index + 1, true)}
                      >
                        ↓
                      </Button>
                      <Button variant="danger" icon="close" aria-label={t('removeItem', { name: item.name })} disabled={unlink.isPending} onClick={() => remove(item)} />
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {renaming && <RenameCollectionDialog collection={collection} onClose={() => setRenaming(false)} />}
      {deleting && <DeleteCollectionDialog collection={collection} onClose={() => setDeleting(false)} onDeleted={() => void navigate(paths.collections)} />}
    </section>
  );
}
