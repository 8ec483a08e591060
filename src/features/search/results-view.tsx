// The list of a search, Recent or the photo timeline: the browse page's list/grid and its commands,
// on items that live in many folders.
import { lazy, Suspense, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { Metadata } from '../../api/protocol/types';
import { paths } from '../../routing/paths';
import { useOnline } from '../../lib/online';
import { commands, commandById } from '../../commands/file-commands';
import { matches, shortcutLabel, type CommandContext } from '../../commands/registry';
import { commandMenu } from '../../commands/menu';
import type { PopupMenuItem } from '../../ui/popup-menu';
import { getSelection, renameStarted, resetSelectionStore, selectAll, useSelected } from '../../stores/selection';
import { detailsToggled, viewChosen } from '../../stores/prefs';
import { toast } from '../../stores/toasts';
import { errorMessage } from '../../i18n/error-message';
import { Icon } from '../../ui/icons';
import { FileList } from '../../widgets/file-list';
import { itemKeys, itemsWithKeys } from '../../widgets/item-index';
import { ContextMenuArea, selectOnLongPress } from '../../widgets/context-menu-area';
import type { ConflictRequest } from '../../widgets/dialogs';
import type { AskConflict } from '../../commands/operations';
import { useT } from '../../i18n';
import browse from '../../locales/en/browse';
import search from '../../locales/en/search';
import './search.css';
import { Button } from '../../ui/button';

const loadDialogs = () => import('../../widgets/dialogs');
const TransferPickerDialog = lazy(() => loadDialogs().then((m) => ({ default: m.TransferPickerDialog })));
const ConflictDialog = lazy(() => loadDialogs().then((m) => ({ default: m.ConflictDialog })));
const ops = () => import('../../commands/operations');

/** Commands that need an open folder to act in: not offered on results from many folders. */
const FOLDER_ONLY = new Set(['new-folder', 'up', 'filter', 'select-all', 'view', 'details', 'refresh']);
const TOOLBAR = ['download', 'share', 'get-link', 'move', 'copy', 'delete'] as const;
const ICONS: Record<(typeof TOOLBAR)[number], Parameters<typeof Icon>[0]['name']> = {
  download: 'download', share: 'share', 'get-link': 'link', move: 'move', copy: 'copy', delete: 'trash',
};

/** Opens a file where it lives (the folder's viewer), a folder as itself. */
export function openHref(m: Metadata): string {
  if (m.isfolder) return paths.folder(m.folderid);
  return `${paths.folder(m.parentfolderid ?? 0)}?view=${m.fileid}`;
}

export interface ResultsViewProps {
  items: readonly Metadata[];
  view: 'list' | 'grid';
  label: string;
  /** Changes when the list is another one (a new query): the selection starts over. */
  listKey: string;
  renderName?: (item: Metadata) => ReactNode;
  subtitle?: (item: Metadata) => ReactNode;
  groupLabel?: (index: number) => string | null;
  onNearEnd?: () => void;
  onRefresh: () => void;
}

export function ResultsView(props: ResultsViewProps) {
  const { items, listKey } = props;
  const [, navigate] = useLocation();
  const qc = useQueryClient();
  const online = useOnline();
  const selected = useSelected();
  const [picker, setPicker] = useState<{ mode: 'move' | 'copy'; items: readonly Metadata[] } | null>(null);
  const [conflict, setConflict] = useState<ConflictRequest | null>(null);
  const t = useT(search);
  const tb = useT(browse);

  useEffect(() => resetSelectionStore(), [listKey]);
  const selectedItems = useMemo(() => itemsWithKeys(items, selected), [items, selected]);

  const ask: AskConflict = (item, existing, mode) =>
    new Promise((resolve) => setConflict({ item, existing, mode, resolve: (r) => { setConflict(null); resolve(r); } }));
  const run = (p: Promise<unknown>) => void p.catch((err: unknown) => toast({ kind: 'error', message: errorMessage(err) }));

  const ctx: CommandContext = {
    items: selectedItems,
    folder: undefined,
    online,
    ui: {
      open: (m) => navigate(openHref(m)),
      up: () => {},
      newFolder: () => {},
      rename: (m) => renameStarted(m.id),
      moveTo: (list) => setPicker({ mode: 'move', items: list }),
      copyTo: (list) => setPicker({ mode: 'copy', items: list }),
      remove: (list) => run(ops().then((o) => o.removeWithUndo(qc, list))),
      download: (m) => run(ops().then((o) => o.downloadItem(m))),
      toggleDetails: detailsToggled,
      toggleView: () => viewChosen(props.view === 'list' ? 'grid' : 'list'),
      selectAll: () => selectAll(itemKeys(items)),
      refresh: props.onRefresh,
      focusFilter: () => {},
    },
  };
  const offered = commands.filter((c) => !FOLDER_ONLY.has(c.id));
  const openLocation = (m: Metadata) => navigate(paths.folder(m.parentfolderid ?? 0));

  const menuItems = () => {
    const target = { ...ctx, items: itemsWithKeys(items, getSelection().selected) };
    const list: PopupMenuItem[] = commandMenu(offered, target);
    if (target.items.length === 1) list.splice(1, 0, { id: 'open-location', label: t('openLocation'), icon: 'up', group: 'open', onSelect: () => openLocation(target.items[0]) });
    return list;
  };

  const onKeyCommand = (e: KeyboardEvent) => {
    for (const c of offered) {
      if (!c.shortcut || c.id === 'open') continue;
      if (matches(e, c.shortcut) && c.enabled(ctx)) {
        e.preventDefault();
        c.run(ctx);
        return true;
      }
    }
    return false;
  };

  const one = selectedItems.length === 1 ? selectedItems[0] : undefined;
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={tb('fileActions')}>
        <Button icon="up" disabled={!one} onClick={() => one && openLocation(one)}>
          <span className="btn-label">{t('openLocation')}</span>
        </Button>
        {TOOLBAR.map((id) => {
          const c = commandById(id);
          const enabled = c.enabled(ctx);
          return (
            <Button key={id} data-cmd={id} disabled={!enabled} aria-label={c.label} title={c.shortcut ? `${c.label} (${shortcutLabel(c.shortcut)})` : c.label} onClick={() => c.run(ctx)}>
              <Icon name={ICONS[id]} /> <span className="btn-label cmd-label">{c.label}</span>
            </Button>
          );
        })}
      </div>
      <ContextMenuArea className="list-area" items={menuItems} onLongPress={selectOnLongPress} keyboardAnchor={() => (getSelection().focused ? document.getElementById(`item-${getSelection().focused}`) : null)}>
        <FileList
          items={items}
          view={props.view}
          label={props.label}
          onOpen={ctx.ui.open}
          onUp={() => {}}
          onRename={(m, name) => void ops().then((o) => o.renameItem(qc, m, name))}
          onDropItems={() => {}}
          onKeyCommand={onKeyCommand}
          renderName={props.renderName}
          subtitle={props.subtitle}
          groupLabel={props.groupLabel}
          onNearEnd={props.onNearEnd}
          fixedOrder
        />
      </ContextMenuArea>
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
      {conflict && (
        <Suspense fallback={null}>
          <ConflictDialog request={conflict} />
        </Suspense>
      )}
    </>
  );
}
