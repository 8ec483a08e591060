import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Metadata } from '../../api/protocol/types';
import { formatBytes, formatDate } from '../../lib/format';
import { ItemIcon } from '../../ui/icons';
import {
  focusMoved, getSelection, renameEnded, selectAll, selectOnly, selectRange, toggleSelected,
  useFocused, useRenaming, useSelected,
} from '../../stores/selection';
import { sortChosen, useSort, useSortDir, type SortKey } from '../../stores/prefs';
import { InlineRename } from './inline-rename';
import { SharedBadge } from '../share/shared-badge';
import { useThumbs } from './use-thumbs';

export const DRAG_TYPE = 'application/x-pcloud-items';

export interface ListProps {
  items: readonly Metadata[];
  label: string;
  onOpen: (item: Metadata) => void;
  onUp: () => void;
  onRename: (item: Metadata, name: string) => void;
  onDropItems: (keys: string[], target: Metadata) => void;
  onKeyCommand: (e: KeyboardEvent) => boolean;
  view: 'list' | 'grid';
}

const ROW = 44;
const CARD = 168;

function columnsFor(width: number): number {
  return Math.max(1, Math.floor(width / CARD));
}

export function FileList(props: ListProps) {
  const { items, view } = props;
  const parentRef = useRef<HTMLDivElement>(null);
  const selected = useSelected();
  const focused = useFocused();
  const renaming = useRenaming();
  const sortKey = useSort();
  const sortDir = useSortDir();
  const order = items.map((m) => m.id);
  const width = parentRef.current?.clientWidth ?? 800;
  const cols = view === 'grid' ? columnsFor(width) : 1;
  const rowCount = Math.ceil(items.length / cols);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => parentRef.current,
    estimateSize: () => (view === 'grid' ? CARD : ROW),
    overscan: 8,
  });
  const typeahead = useRef({ text: '', at: 0 });
  const visible = virtualizer.getVirtualItems();
  const thumbs = useThumbs(
    items,
    visible.length ? visible[0].index * cols : 0,
    visible.length ? Math.min(items.length - 1, (visible[visible.length - 1].index + 1) * cols - 1) : -1,
    view === 'grid' ? 120 : 32,
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

  const focusIndex = focused ? order.indexOf(focused) : -1;
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(Math.floor(focusIndex / cols), { align: 'auto' });
  }, [focusIndex, cols, virtualizer]);

  const moveFocus = (to: number, e: KeyboardEvent) => {
    if (!items.length) return;
    const i = Math.max(0, Math.min(items.length - 1, to));
    const key = order[i];
    if (e.shiftKey) selectRange(order, key);
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
        if (cur >= 0) toggleSelected(order[cur]);
        break;
      case 'a':
        if (!(e.ctrlKey || e.metaKey)) return typeAhead(e);
        selectAll(order);
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
    const t = typeahead.current;
    t.text = now - t.at > 1000 ? e.key.toLowerCase() : t.text + e.key.toLowerCase();
    t.at = now;
    const i = items.findIndex((m) => m.name.toLowerCase().startsWith(t.text));
    if (i >= 0) selectOnly(order[i]);
    e.preventDefault();
  };

  const onClick = (e: MouseEvent, key: string) => {
    if (e.shiftKey) selectRange(order, key, e.ctrlKey || e.metaKey);
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
      onClick: (e: MouseEvent) => onClick(e, item.id),
      onDoubleClick: () => props.onOpen(item),
      onContextMenu: () => {
        if (!getSelection().selected.has(item.id)) selectOnly(item.id);
      },
      ...dropProps(item),
    };
    const name =
      renaming === item.id ? (
        <InlineRename
          item={item}
          onDone={(name) => {
            renameEnded();
            if (name !== null && name !== item.name) props.onRename(item, name);
          }}
        />
      ) : (
        <span className="name" dir="auto">
          {item.name}
        </span>
      );
    if (view === 'grid') {
      return (
        <div key={item.id} {...common} className={`card ${isSel ? 'selected' : ''} ${focused === item.id ? 'focused' : ''}`}>
          <div className="card-thumb">{picture(item, 120)}</div>
          {name}
          <SharedBadge item={item} />
        </div>
      );
    }
    return (
      <div key={item.id} {...common} className={`row ${isSel ? 'selected' : ''} ${focused === item.id ? 'focused' : ''}`}>
        <span className="cell check">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select ${item.name}`}
            checked={isSel}
            onClick={(e) => e.stopPropagation()}
            onChange={() => toggleSelected(item.id)}
          />
        </span>
        <span className="cell icon">{picture(item, 32)}</span>
        <span className="cell name-cell">
          {name}
          <SharedBadge item={item} />
        </span>
        <span className="cell size">{item.isfolder ? '—' : formatBytes(item.size)}</span>
        <span className="cell date">{formatDate(item.modified)}</span>
      </div>
    );
  };

  const header = (key: SortKey, label: string, cls: string) => (
    <button
      className={`colhead ${cls} ${sortKey === key ? 'active' : ''}`}
      onClick={() => sortChosen(key)}
      aria-label={`Sort by ${label}${sortKey === key ? (sortDir === 'asc' ? ', ascending' : ', descending') : ''}`}
      aria-pressed={sortKey === key}
    >
      {label}
      {sortKey === key && <span aria-hidden="true">{sortDir === 'asc' ? ' ▲' : ' ▼'}</span>}
    </button>
  );

  return (
    <div className={`filelist ${view}`}>
      {view === 'list' && (
        <div className="listhead">
          <span className="cell check">
            <input
              type="checkbox"
              aria-label="Select all"
              checked={items.length > 0 && selected.size === items.length}
              onChange={(e) => (e.target.checked ? selectAll(order) : selectOnly(''))}
            />
          </span>
          <span className="cell icon" />
          {header('name', 'Name', 'name-cell')}
          {header('size', 'Size', 'size')}
          {header('modified', 'Modified', 'date')}
        </div>
      )}
      <div
        ref={parentRef}
        className="scroller"
        role="listbox"
        aria-label={props.label}
        aria-multiselectable="true"
        aria-activedescendant={focused && order.includes(focused) ? `item-${focused}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!focused && order.length) focusMoved(order[0]);
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div
              key={v.key}
              className="vrow"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
            >
              {Array.from({ length: cols }, (_, c) => {
                const i = v.index * cols + c;
                return i < items.length ? renderItem(items[i], i) : null;
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
