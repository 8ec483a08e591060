import { lazy, Suspense, useEffect, useRef, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Metadata } from '../api/protocol/types';
import { formatBytes, formatDate } from '../lib/format';
import { ItemIcon } from '../ui/icons';
import { MiddleName } from '../ui/middle-name';
import { usePhoneLayout } from '../ui/use-phone';
import {
  focusMoved, getSelection, renameEnded, selectAll, selectOnly, selectRange, toggleSelected,
  useFocused, useRenaming, useSelected,
} from '../stores/selection';
import { sortChosen, useSort, useSortDir, type SortKey } from '../stores/prefs';
import { SharedBadge } from './shared-badge';
import { useThumbs, type ThumbSource } from './use-thumbs';
import { accountThumbs } from './account-thumbs';
import { itemIndex, itemKeys } from './item-index';
import { useRowWindow } from './row-window';
import { useT } from '../i18n';
import browse from '../locales/en/browse';
import cmds from '../locales/en/commands';
import common from '../locales/en/common';

export const DRAG_TYPE = 'application/x-pcloud-items';

const InlineRename = lazy(() => import('./inline-rename').then((m) => ({ default: m.InlineRename })));

export interface ListProps {
  items: readonly Metadata[];
  label: string;
  onOpen: (item: Metadata) => void;
  onUp: () => void;
  onRename: (item: Metadata, name: string) => void;
  onDropItems: (keys: string[], target: Metadata) => void;
  onKeyCommand: (e: KeyboardEvent) => boolean;
  view: 'list' | 'grid';
  /** The name as shown (e.g. with the matches of a search marked); plain text by default. */
  renderName?: (item: Metadata) => ReactNode;
  /** A line under the name, e.g. where a search result lives. */
  subtitle?: (item: Metadata) => ReactNode;
  /** A heading shown on the item that starts a group (a day, a month), or null. */
  groupLabel?: (index: number) => string | null;
  /** Called when the rendered rows come near the end: load the next page. */
  onNearEnd?: () => void;
  /** Hide the sortable column heads (lists in a fixed order). */
  fixedOrder?: boolean;
  /** Where the thumbnails come from; the signed-in account's by default. */
  thumbs?: ThumbSource;
}

const ROW = 44;
/** Phone rows hold two lines of name and a line of size · date (app/styles.css, phone layout). */
const PHONE_ROW = 68;
const CARD = 168;

function columnsFor(width: number): number {
  return Math.max(1, Math.floor(width / CARD));
}
const oneColumn = () => 1;

export function FileList(props: ListProps) {
  const { items, view } = props;
  const parentRef = useRef<HTMLDivElement>(null);
  const selected = useSelected();
  const focused = useFocused();
  const renaming = useRenaming();
  const sortKey = useSort();
  const sortDir = useSortDir();
  const t = useT(browse);
  const tc = useT(common);
  const tCmd = useT(cmds);
  // nothing here walks the whole listing: a 100,000-item folder renders and scrolls in O(rows shown)
  const keyAt = (i: number) => items[i].id;
  const phone = usePhoneLayout();
  const rowHeight = view === 'grid' ? CARD : phone ? PHONE_ROW : ROW;
  const win = useRowWindow(parentRef, { items: items.length, rowHeight, columns: view === 'grid' ? columnsFor : oneColumn, overscan: 8 });
  const { cols } = win;
  const typeahead = useRef({ text: '', at: 0 });
  const pointerFocus = useRef(false);
  const thumbs = useThumbs(
    items,
    // batches for the rows in view only: the overscan rows get theirs when they scroll in, so the
    // first screen costs one getthumbslinks, not one more for the next page's first rows
    win.visibleLast >= win.visibleFirst ? win.visibleFirst * cols : 0,
    win.visibleLast >= win.visibleFirst ? Math.min(items.length - 1, (win.visibleLast + 1) * cols - 1) : -1,
    view === 'grid' ? 120 : 32,
    props.thumbs ?? accountThumbs,
  );
  const picture = (item: Metadata, size: number) => {
    const url = !item.isfolder ? thumbs.get(item.fileid) : undefined;
    // fixed box: the icon and the thumbnail take the same space, so nothing shifts when it loads
    return url ? (
      <img className="thumb" src={url} alt="" width={size} height={size} loading="lazy" decoding="async" draggable={false} />
    ) : (
      <ItemIcon item={item} size={view === 'grid' ? 56 : 22} />
    );
  };

  const { onNearEnd } = props;
  const nearEnd = items.length > 0 && (win.last + 1) * cols >= items.length - 4 * cols;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, items.length, onNearEnd]);

  const focusIndex = focused ? (itemIndex(items).get(focused) ?? -1) : -1;
  const { scrollToRow } = win;
  useEffect(() => {
    if (focusIndex >= 0) scrollToRow(Math.floor(focusIndex / cols));
  }, [focusIndex, cols, scrollToRow]);

  const moveFocus = (to: number, e: KeyboardEvent) => {
    if (!items.length) return;
    const i = Math.max(0, Math.min(items.length - 1, to));
    const key = keyAt(i);
    if (e.shiftKey) selectRange(itemKeys(items), key);
    else if (e.ctrlKey || e.metaKey) focusMoved(key);
    else selectOnly(key);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (renaming) return;
    if (props.onKeyCommand(e)) return;
    const cur = focusIndex;
    const step = view === 'grid' ? cols : 1;
    switch (e.key) {
      case 'ArrowDown':
        moveFocus(cur < 0 ? 0 : cur + step, e);
        break;
      case 'ArrowUp':
        moveFocus(cur < 0 ? 0 : cur - step, e);
        break;
      case 'ArrowRight':
        if (view !== 'grid') return;
        moveFocus(cur + 1, e);
        break;
      case 'ArrowLeft':
        if (view !== 'grid') return;
        moveFocus(cur - 1, e);
        break;
      case 'Home':
        moveFocus(0, e);
        break;
      case 'End':
        moveFocus(items.length - 1, e);
        break;
      case 'PageDown':
        moveFocus(cur + 10 * step, e);
        break;
      case 'PageUp':
        moveFocus(cur - 10 * step, e);
        break;
      case 'Enter':
        if (cur >= 0) props.onOpen(items[cur]);
        break;
      case 'Backspace':
        props.onUp();
        break;
      case ' ':
        if (cur >= 0) toggleSelected(keyAt(cur));
        break;
      case 'a':
        if (!(e.ctrlKey || e.metaKey)) return typeAhead(e);
        selectAll(itemKeys(items));
        break;
      default:
        return typeAhead(e);
    }
    e.preventDefault();
  };

  // Type-ahead: letters typed within a second jump to the first name that starts with them.
  const typeAhead = (e: KeyboardEvent) => {
    if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
    const now = Date.now();
    const typed = typeahead.current;
    typed.text = now - typed.at > 1000 ? e.key.toLowerCase() : typed.text + e.key.toLowerCase();
    typed.at = now;
    const i = items.findIndex((m) => m.name.toLowerCase().startsWith(typed.text));
    if (i >= 0) selectOnly(keyAt(i));
    e.preventDefault();
  };

  const onClick = (e: MouseEvent, key: string, item: Metadata) => {
    // phone pattern: a tap opens; once something is selected (checkbox, long press) taps add to the selection
    if ((e.nativeEvent as PointerEvent).pointerType === 'touch') {
      if (getSelection().selected.size) toggleSelected(key);
      else props.onOpen(item);
      return;
    }
    if (e.shiftKey) selectRange(itemKeys(items), key, e.ctrlKey || e.metaKey);
    else if (e.ctrlKey || e.metaKey) toggleSelected(key);
    else selectOnly(key);
  };

  const onDragStart = (e: DragEvent, item: Metadata) => {
    const sel = getSelection().selected;
    const keys = sel.has(item.id) ? [...sel] : [item.id];
    if (!sel.has(item.id)) selectOnly(item.id);
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(keys));
    e.dataTransfer.effectAllowed = 'copyMove';
  };

  const dropProps = (item: Metadata) =>
    item.isfolder
      ? {
          onDragOver: (e: DragEvent) => {
            if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = e.ctrlKey || e.altKey ? 'copy' : 'move';
            (e.currentTarget as HTMLElement).classList.add('drop-target');
          },
          onDragLeave: (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('drop-target'),
          onDrop: (e: DragEvent) => {
            (e.currentTarget as HTMLElement).classList.remove('drop-target');
            const raw = e.dataTransfer.getData(DRAG_TYPE);
            if (!raw) return;
            e.preventDefault();
            const keys = (JSON.parse(raw) as string[]).filter((k) => k !== item.id);
            if (keys.length) props.onDropItems(keys, item);
          },
        }
      : {};

  const renderItem = (item: Metadata, index: number) => {
    const isSel = selected.has(item.id);
    const common = {
      id: `item-${item.id}`,
      role: 'option' as const,
      'aria-selected': isSel,
      'aria-posinset': index + 1,
      'aria-setsize': items.length,
      draggable: renaming !== item.id,
      onDragStart: (e: DragEvent) => onDragStart(e, item),
      onClick: (e: MouseEvent) => onClick(e, item.id, item),
      onDoubleClick: () => props.onOpen(item),
      onContextMenu: () => {
        if (!getSelection().selected.has(item.id)) selectOnly(item.id);
      },
      ...dropProps(item),
    };
    const plainName = (
      <span className="name" dir="auto">
        {props.renderName ? props.renderName(item) : <MiddleName name={item.name} />}
      </span>
    );
    const group = props.groupLabel?.(index);
    const groupTag = group ? <span className="group-label">{group}</span> : null;
    const sub = props.subtitle?.(item);
    const subLine = sub ? (
      <span className="subtitle muted" dir="auto">
        {sub}
      </span>
    ) : null;
    const name =
      renaming === item.id ? (
        <Suspense fallback={plainName}>
          <InlineRename
            item={item}
            onDone={(name) => {
              renameEnded();
              if (name !== null && name !== item.name) props.onRename(item, name);
            }}
          />
        </Suspense>
      ) : (
        plainName
      );
    if (view === 'grid') {
      return (
        <div key={item.id} {...common} className={`card ${isSel ? 'selected' : ''} ${focused === item.id ? 'focused' : ''}`}>
          {groupTag}
          <div className="card-thumb">{picture(item, 120)}</div>
          {name}
          <SharedBadge item={item} />
        </div>
      );
    }
    return (
      <div key={item.id} {...common} className={`row ${isSel ? 'selected' : ''} ${focused === item.id ? 'focused' : ''}`}>
        {/* A pointer (mouse, touch) target only: an option may not contain a control (axe
            nested-interactive), so the box is inert — out of the tab order and the accessibility
            tree; the option's aria-selected carries the state, Space toggles it from the keyboard.
            Clicks on the inert box land on its cell. */}
        <span
          className="cell check"
          onClick={(e) => {
            e.stopPropagation();
            toggleSelected(item.id);
          }}
        >
          <input type="checkbox" inert aria-hidden="true" tabIndex={-1} checked={isSel} readOnly />
        </span>
        <span className="cell icon">{picture(item, 32)}</span>
        <span className="cell name-cell">
          {groupTag}
          {subLine ? (
            <span className="name-stack">
              {name}
              {subLine}
            </span>
          ) : (
            name
          )}
          <SharedBadge item={item} />
        </span>
        <span className={item.isfolder ? 'cell size none' : 'cell size'}>{item.isfolder ? '—' : formatBytes(item.size)}</span>
        <span className="cell date">{formatDate(item.modified)}</span>
      </div>
    );
  };

  const header = (key: SortKey, label: string, cls: string) => (
    <button
      className={`colhead ${cls} ${sortKey === key ? 'active' : ''}`}
      onClick={() => sortChosen(key)}
      aria-label={t(sortKey !== key ? 'sortBy' : sortDir === 'asc' ? 'sortAsc' : 'sortDesc', { column: label })}
      aria-pressed={sortKey === key}
    >
      {label}
      {sortKey === key && <span aria-hidden="true">{sortDir === 'asc' ? ' ▲' : ' ▼'}</span>}
    </button>
  );

  return (
    <div className={`filelist ${view}`}>
      {view === 'list' && !props.fixedOrder && (
        <div className="listhead">
          <span className="cell check">
            <input
              type="checkbox"
              aria-label={tCmd('selectAll')}
              checked={items.length > 0 && selected.size === items.length}
              onChange={(e) => (e.target.checked ? selectAll(itemKeys(items)) : selectOnly(''))}
            />
          </span>
          <span className="cell icon" />
          {header('name', tc('name'), 'name-cell')}
          {header('size', tc('size'), 'size')}
          {header('modified', tc('modified'), 'date')}
        </div>
      )}
      <div
        ref={parentRef}
        className="scroller"
        role="listbox"
        aria-label={props.label}
        aria-multiselectable="true"
        aria-activedescendant={focusIndex >= 0 ? `item-${focused}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          pointerFocus.current = document.activeElement !== e.currentTarget;
        }}
        onFocus={() => {
          // A press focuses the listbox before its click: the click picks the row, and moving focus
          // to row 0 here would scroll it into view under the pointer (issue 15, item 2). Focus from
          // the keyboard goes to the first row in view, so focusing never scrolls either.
          const byPointer = pointerFocus.current;
          pointerFocus.current = false;
          if (byPointer || focused || !items.length) return;
          focusMoved(keyAt(Math.min(items.length - 1, Math.max(0, win.visibleFirst) * cols)));
        }}
      >
        <div style={{ height: win.totalHeight, position: 'relative' }}>
          {Array.from({ length: Math.max(0, win.last - win.first + 1) }, (_, r) => {
            const row = win.first + r;
            return (
              <div
                key={row}
                className="vrow"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row * rowHeight}px)` }}
              >
                {Array.from({ length: cols }, (_, c) => {
                  const i = row * cols + c;
                  return i < items.length ? renderItem(items[i], i) : null;
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
