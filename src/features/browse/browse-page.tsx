import { lazy, Suspense, useMemo, useRef, useState, useEffect, type KeyboardEvent } from 'react';
import { useLocation, useParams } from 'wouter';
import { useLocationState, useSearchParams } from '../../routing/location';
import { useQueryClient } from '@tanstack/react-query';
import type { FolderMetadata, Metadata } from '../../api/protocol/types';
import { useFolderListing } from '../../queries/pending-deletes';
import { filterItems, sortItems } from '../../lib/items';
import { paths } from '../../routing/paths';
import { useOnline } from '../../lib/online';
import { commands, commandById } from '../../commands/file-commands';
import { matches, shortcutLabel, type CommandContext } from '../../commands/registry';
import { commandMenu } from '../../commands/menu';
import { detailsToggled, useDetailsOpen, useSort, useSortDir, useViewMode, viewChosen } from '../../stores/prefs';
import {
  getSelection, renameStarted, resetSelectionStore, selectAll, selectionPruned, useSelected,
} from '../../stores/selection';
import { Icon } from '../../ui/icons';
import { LazyPopupMenu, preloadPopupMenu } from '../../ui/lazy-popup-menu';
import { FileList } from '../../widgets/file-list';
import { itemIndex, itemKeys, itemsWithKeys } from '../../widgets/item-index';
import { Breadcrumbs } from './breadcrumbs';
import { LIST_HOME, useListFocus } from './use-list-focus';
import { bufferPaletteTyping } from './palette-typing';
import type { ConflictRequest } from '../../widgets/dialogs';
import { ContextMenuArea, selectOnLongPress } from '../../widgets/context-menu-area';
import { UploadButton, UploadZone } from '../../uploads/upload-zone';
import { PcloudError } from '../../api/errors';
import { errorMessage } from '../../i18n/error-message';
import { toast } from '../../stores/toasts';
import type { AskConflict } from '../../commands/operations';
import { useT } from '../../i18n';
import browse from '../../locales/en/browse';
import cmds from '../../locales/en/commands';
import common from '../../locales/en/common';
import { Button } from '../../ui/button';

// What the first paint of a listing does not need loads on first use: the viewer, the dialogs,
// the details panel, the command palette (cmdk), the file operations (and the context menu, the
// upload menu and the upload runner: context-menu-area.tsx, upload-zone.tsx).
const Viewer = lazy(() => import('../../previewers/viewer'));
const loadDialogs = () => import('../../widgets/dialogs');
const NewFolderDialog = lazy(() => loadDialogs().then((m) => ({ default: m.NewFolderDialog })));
const TransferPickerDialog = lazy(() => loadDialogs().then((m) => ({ default: m.TransferPickerDialog })));
const ConflictDialog = lazy(() => loadDialogs().then((m) => ({ default: m.ConflictDialog })));
const DetailsPanel = lazy(() => import('./details-panel').then((m) => ({ default: m.DetailsPanel })));
const CommandPalette = lazy(() => import('./command-palette').then((m) => ({ default: m.CommandPalette })));
const ops = () => import('../../commands/operations');

/** True from the first time `on` is true: a lazily loaded part stays mounted (and keeps its state) once used. */
function useLatch(on: boolean): boolean {
  const was = useRef(false);
  if (on) was.current = true;
  return was.current;
}

/** A key pressed in a text field is text, not a shortcut. */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));

type Picker = { mode: 'move' | 'copy'; items: readonly Metadata[] } | null;

function unwrap(data: unknown): FolderMetadata | undefined {
  if (!data || typeof data !== 'object') return undefined;
  return ('metadata' in data ? (data as { metadata: FolderMetadata }).metadata : data) as FolderMetadata;
}

export default function BrowsePage() {
  const params = useParams();
  const folderId = Number(params.folderId ?? 0);
  const [, navigate] = useLocation();
  const state = useLocationState<{ viewer?: boolean }>();
  const [search, setSearch] = useSearchParams();
  const viewing = search.get('view') ? Number(search.get('view')) : null;
  const qc = useQueryClient();
  const online = useOnline();
  const listing = useFolderListing(folderId);
  const folder = unwrap(listing.data);
  const sortKey = useSort();
  const sortDir = useSortDir();
  const view = useViewMode();
  const detailsOpen = useDetailsOpen();
  const selected = useSelected();
  const [filter, setFilter] = useState('');
  const [newFolder, setNewFolder] = useState(false);
  const [picker, setPicker] = useState<Picker>(null);
  const [conflict, setConflict] = useState<ConflictRequest | null>(null);
  const [palette, setPalette] = useState(false);
  const [more, setMore] = useState<{ at: { x: number; y: number }; focusFirst: boolean } | null>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const t = useT(browse);
  const tc = useT(cmds);
  const tCommon = useT(common);

  useEffect(() => {
    resetSelectionStore();
    setFilter('');
  }, [folderId]);

  const sorted = useMemo(() => sortItems(folder?.contents ?? [], sortKey, sortDir), [folder, sortKey, sortDir]);
  const items = useMemo(() => filterItems(sorted, filter), [sorted, filter]);
  // none of these walk a big listing unless something is selected (item-index.ts)
  useEffect(() => {
    const { selected } = getSelection();
    if (selected.size) selectionPruned(new Set(itemsWithKeys(items, selected).map((m) => m.id)));
  }, [items]);
  const selectedItems = useMemo(() => itemsWithKeys(items, selected), [items, selected]);
  const listFocus = useListFocus(rootRef, { folderId, loaded: !!folder, items, viewing });

  const ask: AskConflict = (item, existing, mode) => new Promise((resolve) => setConflict({ item, existing, mode, resolve: (r) => { setConflict(null); resolve(r); } }));
  // the operations report their own failures; what escapes them (their chunk failed to load) is told too
  const run = (p: Promise<unknown>) => void p.catch((err: unknown) => toast({ kind: 'error', message: errorMessage(err) }));
  const newFolderUsed = useLatch(newFolder);
  const conflictUsed = useLatch(conflict !== null);
  const paletteUsed = useLatch(palette);

  const ctx: CommandContext = {
    items: selectedItems,
    folder,
    online,
    ui: {
      open: (m) => {
        listFocus.keep();
        if (m.isfolder) navigate(paths.folder(m.folderid));
        else setSearch({ view: String(m.fileid) }, { state: { viewer: true } });
      },
      up: () => {
        listFocus.keep();
        if (folder && folder.folderid !== 0) navigate(paths.folder(folder.parentfolderid ?? 0));
      },
      newFolder: () => setNewFolder(true),
      rename: (m) => renameStarted(m.id),
      moveTo: (list) => setPicker({ mode: 'move', items: list }),
      copyTo: (list) => setPicker({ mode: 'copy', items: list }),
      remove: (list) => run(ops().then((o) => o.removeWithUndo(qc, list))),
      download: (m) => run(ops().then((o) => o.downloadItem(m))),
      toggleDetails: detailsToggled,
      toggleView: () => viewChosen(view === 'list' ? 'grid' : 'list'),
      selectAll: () => selectAll(itemKeys(items)),
      refresh: () => void listing.refetch(),
      focusFilter: () => filterRef.current?.focus(),
    },
  };

  const onKeyCommand = (e: KeyboardEvent) => {
    for (const c of commands) {
      if (!c.shortcut || c.id === 'open' || c.id === 'up' || c.id === 'select-all') continue;
      if (matches(e, c.shortcut) && c.enabled(ctx)) {
        e.preventDefault();
        c.run(ctx);
        return true;
      }
    }
    return false;
  };

  // the context menu acts on the selection as it is when the menu shows
  const menuItems = () => {
    const target = { ...ctx, items: itemsWithKeys(items, getSelection().selected) };
    return commandMenu(commands, target);
  };

  // page-wide shortcuts: palette, new folder, filter
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (matches(e, 'Mod+K')) {
        e.preventDefault();
        if (!paletteUsed) bufferPaletteTyping();
        setPalette((p) => !p);
      } else if (!typingIn(e.target) && matches(e, commandById('new-folder').shortcut!) && commandById('new-folder').enabled(ctx)) {
        e.preventDefault();
        setNewFolder(true);
      } else if (matches(e, 'Mod+F')) {
        e.preventDefault();
        filterRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const dropOnto = (keys: string[], target: number, copy = false) => {
    const contents = folder?.contents ?? [];
    const index = itemIndex(contents);
    const list = keys.map((k) => contents[index.get(k) ?? -1]).filter((m): m is Metadata => m !== undefined);
    if (list.length) run(ops().then((o) => o.transfer(qc, list, target, copy ? 'copy' : 'move', ask)));
  };

  const toolbarIds = ['new-folder', 'rename', 'move', 'copy', 'download', 'delete', 'share', 'get-link'] as const;
  const icons: Record<string, Parameters<typeof Icon>[0]['name']> = {
    'new-folder': 'plus', rename: 'rename', move: 'move', copy: 'copy', download: 'download', delete: 'trash', share: 'share', 'get-link': 'link',
  };
  const shortLabels: Record<string, 'shareShort' | 'getLinkShort'> = { share: 'shareShort', 'get-link': 'getLinkShort' };
  const commandTitle = (label: string, shortcut: string | undefined, reason: string | null | undefined) => {
    const withKey = shortcut ? tc('withShortcut', { label, shortcut: shortcutLabel(shortcut) }) : label;
    return reason ? tc('withReason', { label: withKey, reason }) : withKey;
  };

  const title = folder ? (folder.folderid === 0 ? t('myFiles') : folder.name) : t('loading');
  const docTitle = t('docTitle', { title });
  useEffect(() => {
    document.title = docTitle;
  }, [docTitle]);

  return (
    <div ref={rootRef} className={`browse ${detailsOpen ? 'with-details' : ''}`}>
      <div className="browse-main">
        <div className="browse-head">
          <div className="head-row">
            <Breadcrumbs folder={folder} onDropItems={(keys, id) => dropOnto(keys, id)} />
            <div className="view-tools">
              <label className="filter">
                <Icon name="search" />
                <input ref={filterRef} type="search" placeholder={t('filter')} aria-label={commandById('filter').label} value={filter} onChange={(e) => setFilter(e.target.value)} />
              </label>
              <Button square aria-label={t(view === 'list' ? 'gridView' : 'listView')} title={t(view === 'list' ? 'gridView' : 'listView')} onClick={() => viewChosen(view === 'list' ? 'grid' : 'list')}>
                <Icon name={view === 'list' ? 'grid' : 'list'} />
              </Button>
              <Button icon="info" aria-label={t('details')} aria-pressed={detailsOpen} title={t('details')} onClick={detailsToggled} />
              <Button icon="command" aria-label={t('palette')} title={commandTitle(t('palette'), 'Mod+K', null)} onClick={() => {
                  if (!paletteUsed) bufferPaletteTyping();
                  setPalette(true);
                }} />
            </div>
          </div>
          {/* every action is always shown (disabled when it does not apply), so selecting never shifts the list */}
          <div className="toolbar" role="toolbar" aria-label={t('fileActions')}>
            <UploadButton disabled={!commandById('new-folder').enabled(ctx)} />
            {toolbarIds.map((id) => {
              const c = commandById(id);
              const enabled = c.enabled(ctx);
              return (
                <Button key={id} data-cmd={id} disabled={!enabled} aria-label={c.label} title={commandTitle(c.label, c.shortcut, enabled ? null : c.reason?.(ctx))} onClick={() => c.run(ctx)}>
                  <Icon name={icons[id]} /> <span className="btn-label cmd-label">{id in shortLabels ? tc(shortLabels[id]) : c.label}</span>
                </Button>
              );
            })}
            {/* "…": every action that applies to the selection, as in the context menu */}
            <Button
              icon="more"
              ref={moreRef}
              aria-label={t('moreActions')}
              title={t('moreActions')}
              aria-haspopup="menu"
              aria-expanded={more !== null}
              onPointerEnter={preloadPopupMenu}
              onFocus={preloadPopupMenu}
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                setMore(more ? null : { at: { x: r.left, y: r.bottom }, focusFirst: e.detail === 0 });
              }}
             />
            {more && <LazyPopupMenu at={more.at} focusFirst={more.focusFirst} items={menuItems()} side="bottom" sideOffset={4} returnFocus={moreRef.current} onClose={() => setMore(null)} />}
          </div>
        </div>
        {listing.isError && (!folder || (listing.error instanceof PcloudError && listing.error.kind === 'notFound')) ? (
          <div className="state-box" role="alert">
            <h2>{t('openFailed')}</h2>
            <p className="muted">{errorMessage(listing.error)}</p>
            <div className="row-actions">
              <Button variant="primary" onClick={() => void listing.refetch()}>
                {tCommon('tryAgain')}
              </Button>
              <Button onClick={() => navigate(paths.folder(0))}>
                {t('goToFiles')}
              </Button>
            </div>
          </div>
        ) : !folder ? (
          <div className="loading" role="status" aria-label={t('loadingFolder')} tabIndex={-1} {...{ [LIST_HOME]: '' }} />
        ) : (
          <UploadZone folderId={folderId} folderName={title} enabled={commandById('new-folder').enabled(ctx)}>
            {listing.isError && (
              <p className="inline-alert" role="alert">
                {t('staleListing', { error: errorMessage(listing.error) })}
              </p>
            )}
            <ContextMenuArea className="list-area" items={menuItems} onLongPress={selectOnLongPress} keyboardAnchor={() => (getSelection().focused ? document.getElementById(`item-${getSelection().focused}`) : null)}>
              {items.length === 0 ? (
                <div
                  className="state-box empty"
                  tabIndex={-1}
                  {...{ [LIST_HOME]: '' }}
                  onKeyDown={(e) => {
                    // an empty folder keeps the list's keys: Backspace goes up, shortcuts work
                    if (e.target !== e.currentTarget || onKeyCommand(e)) return;
                    if (e.key === 'Backspace') {
                      e.preventDefault();
                      ctx.ui.up();
                    }
                  }}
                >
                  <h2>{t(filter ? 'noMatches' : 'empty')}</h2>
                  {!filter && <p className="muted">{t('emptyHint')}</p>}
                  {!filter && commandById('new-folder').enabled(ctx) && (
                    <Button variant="primary" icon="plus" onClick={() => setNewFolder(true)}>
                      {commandById('new-folder').label}
                    </Button>
                  )}
                </div>
              ) : (
                <FileList
                  items={items}
                  view={view}
                  label={t('contentsOf', { name: title })}
                  onOpen={ctx.ui.open}
                  onUp={ctx.ui.up}
                  onRename={(m, name) => void ops().then((o) => o.renameItem(qc, m, name))}
                  onDropItems={(keys, target) => target.isfolder && dropOnto(keys, target.folderid)}
                  onKeyCommand={onKeyCommand}
                />
              )}
            </ContextMenuArea>
            <p className="status-line" aria-live="polite">
              {selectedItems.length
                ? t('selected', { items: tCommon('items', { count: items.length }), count: selectedItems.length })
                : tCommon('items', { count: items.length })}
            </p>
          </UploadZone>
        )}
      </div>
      {detailsOpen && (
        <Suspense fallback={<aside className="details" aria-label={t('details')} />}>
          <DetailsPanel items={selectedItems} folder={folder} onClose={detailsToggled} />
        </Suspense>
      )}
      {newFolderUsed && (
        <Suspense fallback={null}>
          <NewFolderDialog open={newFolder} onClose={() => setNewFolder(false)} onCreate={(name) => ops().then((o) => o.createFolderIn(qc, folderId, name))} />
        </Suspense>
      )}
      {picker && (
        <Suspense fallback={null}>
          <TransferPickerDialog
            mode={picker.mode}
            items={picker.items}
            onClose={() => setPicker(null)}
            onPick={(target) => {
              const p = picker;
              setPicker(null);
              run(ops().then((o) => o.transfer(qc, p.items, target, p.mode, ask)));
            }}
          />
        </Suspense>
      )}
      {conflictUsed && (
        <Suspense fallback={null}>
          <ConflictDialog request={conflict} />
        </Suspense>
      )}
      {viewing !== null && folder && (
        <Suspense fallback={null}>
          <Viewer
            items={items}
            fileid={viewing}
            onShow={(id) => setSearch({ view: String(id) }, { replace: true, state })}
            onClose={() => {
              // opened from the list: going back closes it and keeps history tidy; a deep link just drops the parameter
              if (state?.viewer) history.back();
              else setSearch({}, { replace: true });
            }}
            onDownload={(m) => void ops().then((o) => o.downloadItem(m))}
          />
        </Suspense>
      )}
      {paletteUsed && (
        <Suspense fallback={null}>
          <CommandPalette open={palette} onOpenChange={setPalette} ctx={ctx} items={items} />
        </Suspense>
      )}
    </div>
  );
}
