// A folder or tree link: breadcrumbs inside the link, list or grid with thumbnails, selection with
// "Download as zip", previews in an overlay. The position lives in the URL (`folder`, `view`) so
// Back, reload and shared addresses all land in the same place. The list and the grid are
// virtualised against the page's scroll, so a folder of thousands of files stays light.
import { displayName } from '../../i18n/display-name';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useLocationState, useSearchParams } from '../../routing/location';
import type { FileMetadata, FolderMetadata, Metadata } from '../../api/types';
import { paths } from '../../routing/paths';
import type { PublicLink } from '../../queries/public';
import { useT, type Translate } from '../../i18n';
import { formatBytes, formatDate } from '../../lib/format';
import { sortItems } from '../../lib/items';
import pub from '../../locales/en/public';
import { ItemIcon } from '../../ui/icons';
import { PublicFrame } from './frame';
import { PreviewDialog } from './preview-dialog';
import { SaveButton } from './save-button';
import { columnsFor, estimateCardHeight, GRID_GAP, GRID_PAD, moveTo } from './layout';
import { publicThumbs } from './thumbs';
import { useRowWindow } from '../../widgets/row-window';
import { useThumbs } from '../../widgets/use-thumbs';
import { usePhoneLayout } from '../../ui/use-phone';
import { galleryOf } from '../../previewers/file-preview';
import { describeContents, indexFolders, trail } from './tree';
import { useDownloads } from './use-downloads';
import { Button } from '../../ui/button';

type Layout = 'list' | 'grid';
const LAYOUT_KEY = 'pcloud.public.layout';

function storedLayout(): Layout {
  try {
    return localStorage.getItem(LAYOUT_KEY) === 'grid' ? 'grid' : 'list';
  } catch {
    return 'list';
  }
}

/** `?code=…&folder=…&view=…` of this page. */
function href(code: string, folder: number | null, view?: number): string {
  let out = paths.publink(code);
  if (folder !== null) out += `&folder=${folder}`;
  if (view !== undefined) out += `&view=${view}`;
  return out;
}

export function FolderLinkView({ link, root }: { link: PublicLink; root: FolderMetadata }) {
  const t = useT(pub);
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const state = useLocationState<{ preview?: boolean }>();
  const index = useMemo(() => indexFolders(root), [root]);
  const folderParam = params.get('folder');
  const requested = folderParam !== null && /^\d+$/.test(folderParam) ? Number(folderParam) : null;
  const crumbs = trail(index, requested);
  const current = crumbs[crumbs.length - 1];
  const atRoot = crumbs.length === 1;
  const folderInUrl = atRoot ? null : current.folderid;
  // the app's order (folders first, natural names), which a visitor cannot change
  const items = useMemo(() => sortItems(current.contents ?? [], 'name', 'asc'), [current]);
  const files = useMemo(() => items.filter((m): m is FileMetadata => !m.isfolder), [items]);
  const viewParam = Number(params.get('view'));
  const viewing = files.find((f) => f.fileid === viewParam);
  const gallery = useMemo(() => galleryOf(files), [files]);

  const [layout, setLayout] = useState<Layout>(storedLayout);
  const chooseLayout = (l: Layout) => {
    setLayout(l);
    try {
      localStorage.setItem(LAYOUT_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  };

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // a new folder starts with nothing selected
  useEffect(() => setSelected(new Set()), [current.folderid]);
  const toggle = (m: Metadata) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(m.id)) next.delete(m.id);
      else next.add(m.id);
      return next;
    });
  const chosen = useMemo(() => items.filter((m) => selected.has(m.id)), [items, selected]);
  const chosenFiles = chosen.filter((m): m is FileMetadata => !m.isfolder).map((m) => m.fileid);
  const chosenFolders = chosen.filter((m): m is FolderMetadata => m.isfolder).map((m) => m.folderid);
  const allSelected = items.length > 0 && chosen.length === items.length;

  const { busy, downloadFile, downloadZip } = useDownloads(link);
  // the whole link, or the open sub-folder (which then is the zip's top directory)
  const everything = atRoot ? { fileids: [], folderids: [] } : { fileids: [], folderids: [current.folderid] };

  const folderHref = (f: FolderMetadata) => href(link.code, f.folderid);
  const fileHref = (f: FileMetadata) => href(link.code, folderInUrl, f.fileid);
  const onDownload = (f: FileMetadata) => void downloadFile(f);
  const onDownloadFile = useCallback((f: FileMetadata) => void downloadFile(f), [downloadFile]);

  const closePreview = () => {
    if (state?.preview) history.back();
    else navigate(href(link.code, folderInUrl), { replace: true });
  };
  const showFile = (fileid: number) => navigate(href(link.code, folderInUrl, fileid), { replace: true, state });

  return (
    <PublicFrame title={current.name}>
      <div className="pub-folder">
        <div className="pub-head">
          <h1 className="sr-only">{displayName(current.name)}</h1>
          <nav aria-label={t('folderPath')} className="crumbs pub-crumbs">
            <ol>
              {crumbs.map((f, i) => (
                <li key={f.folderid}>
                  {i === crumbs.length - 1 ? (
                    <span aria-current="page" dir="auto">
                      {displayName(f.name)}
                    </span>
                  ) : (
                    <Link to={href(link.code, i === 0 ? null : f.folderid)} dir="auto">
                      {displayName(f.name)}
                    </Link>
                  )}
                </li>
              ))}
            </ol>
          </nav>
          <p className="muted pub-count">{describeContents(items)}</p>
        </div>

        <div className="pub-toolbar" role="toolbar" aria-label={t('folderActions')}>
          {chosen.length > 0 ? (
            <>
              <span className="pub-selcount" aria-live="polite">
                {t('selectedCount', { count: chosen.length })}
              </span>
              <Button variant="primary" icon="zip" disabled={busy === 'zip'} onClick={() => void downloadZip({ fileids: chosenFiles, folderids: chosenFolders, name: current.name })}>
                {busy === 'zip' ? t('preparingZip') : t('downloadZip')}
              </Button>
              <SaveButton link={link} target={{ kind: 'zip', fileids: chosenFiles, folderids: chosenFolders, name: current.name }} />
              <Button onClick={() => setSelected(new Set())}>
                {t('clearSelection')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="primary" icon="download" disabled={busy === 'zip' || items.length === 0} onClick={() => void downloadZip({ ...everything, name: current.name })}>
                {busy === 'zip' ? t('preparingZip') : t('downloadAll')}
              </Button>
              <SaveButton link={link} target={{ kind: 'zip', ...everything, name: current.name }} label={t('saveAll')} />
            </>
          )}
          <span className="pub-spacer" />
          <label className="pub-selectall">
            <input
              type="checkbox"
              checked={allSelected}
              disabled={items.length === 0}
              onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((m) => m.id)))}
            />
            {t('selectAll')}
          </label>
          <div className="pub-layout" role="group" aria-label={t('layout')}>
            <Button icon="list" aria-pressed={layout === 'list'} aria-label={t('layoutList')} onClick={() => chooseLayout('list')} />
            <Button icon="grid" aria-pressed={layout === 'grid'} aria-label={t('layoutGrid')} onClick={() => chooseLayout('grid')} />
          </div>
        </div>

        {items.length === 0 ? (
          <div className="state-box">
            <h2>{t('emptyFolder')}</h2>
          </div>
        ) : (
          <ItemList
            key={current.folderid}
            link={link}
            items={items}
            layout={layout}
            label={t('contentsOf', { name: current.name })}
            selected={selected}
            onToggle={toggle}
            folderHref={folderHref}
            fileHref={fileHref}
            onDownload={onDownload}
            busy={busy}
          />
        )}
      </div>
      {viewing && (
        <PreviewDialog
          link={link}
          file={viewing}
          files={files}
          gallery={gallery}
          onClose={closePreview}
          onShow={showFile}
          onDownload={onDownloadFile}
          downloading={busy === `file:${viewing.fileid}`}
          returnFocus={(fileid) => document.querySelector<HTMLElement>(`.pub-items [data-file="${fileid}"] [data-part="open"]`)}
        />
      )}
    </PublicFrame>
  );
}

interface ItemListProps {
  link: PublicLink;
  items: readonly Metadata[];
  layout: Layout;
  label: string;
  selected: ReadonlySet<string>;
  onToggle: (m: Metadata) => void;
  folderHref: (f: FolderMetadata) => string;
  fileHref: (f: FileMetadata) => string;
  onDownload: (f: FileMetadata) => void;
  busy: string | null;
}

/** Parts of an item that keep their place when the arrow keys move to another item. */
type Part = 'check' | 'open' | 'download';

/** A list row: 44px target, 4px padding above and below, a 1px border; phones add the meta line. */
const ROW = 53;
const PHONE_ROW = 66;
const oneColumn = () => 1;

/**
 * The folder's items, windowed against the page's own scroll by the app's list window
 * (widgets/row-window.ts) with thumbnails per screenful (widgets/use-thumbs.ts): only the rows on
 * screen (and a few around them) are in the document, absolutely placed in a box as tall as the
 * whole folder. The item that last had focus stays rendered wherever it is, so focus is never
 * dropped on the floor; arrow keys, Home/End and PageUp/PageDown move between items, scrolling them
 * into view. Rows are links, checkboxes and download buttons (a visitor opens with one click and
 * can open a file in a new tab), not the app's selectable listbox.
 */
function ItemList({ link, items, layout, label, selected, onToggle, folderHref, fileHref, onDownload, busy }: ItemListProps) {
  const t = useT(pub);
  const listRef = useRef<HTMLUListElement>(null);
  const [box, setBox] = useState({ width: 0, bar: 0 });
  const [pinned, setPinned] = useState<number | null>(null);
  const pendingFocus = useRef<{ index: number; part: Part } | null>(null);
  const grid = layout === 'grid';
  const phone = usePhoneLayout();
  const cols = grid ? columnsFor(box.width) : 1;
  const pad = grid ? GRID_PAD : 0;
  const cardHeight = estimateCardHeight(box.width, cols);
  const rowHeight = grid ? cardHeight + GRID_GAP : phone ? PHONE_ROW : ROW;

  // the list's width (columns) and the sticky toolbar's height (focus scrolls items clear of it)
  useLayoutEffect(() => {
    const ul = listRef.current;
    if (!ul) return;
    const measure = () => {
      const width = ul.clientWidth;
      const bar = ul.parentElement?.querySelector<HTMLElement>('.pub-toolbar')?.offsetHeight ?? 0;
      setBox((b) => (b.width === width && b.bar === bar ? b : { width, bar }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(ul);
    return () => observer.disconnect();
  }, []);

  const columns = useCallback(() => cols, [cols]);
  const win = useRowWindow(listRef, { items: items.length, rowHeight, columns: grid ? columns : oneColumn, overscan: grid ? 2 : 8, scroller: 'window' });
  const pinnedRow = pinned !== null && pinned < items.length ? Math.floor(pinned / cols) : null;
  const rows: number[] = [];
  for (let r = win.first; r <= win.last; r++) rows.push(r);
  if (pinnedRow !== null && (pinnedRow < win.first || pinnedRow > win.last)) rows.push(pinnedRow);

  // one getpubthumbslinks per screenful in view (the overscan rows get theirs when they scroll in)
  const thumbSource = useMemo(() => publicThumbs(link), [link]);
  const inView = win.visibleLast >= win.visibleFirst;
  const thumbs = useThumbs(
    items,
    inView ? win.visibleFirst * cols : 0,
    inView ? Math.min(items.length - 1, (win.visibleLast + 1) * cols - 1) : -1,
    grid ? Math.max(120, box.width / cols) : 40,
    thumbSource,
  );

  // a key move to an item that was not rendered yet focuses it once it is
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    const el = findPart(listRef.current, want.index, want.part);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    const li = target.closest<HTMLElement>('[data-item]');
    if (!li) return;
    const from = Number(li.dataset.item);
    const pageRows = Math.max(1, win.visibleLast - win.visibleFirst);
    const to = moveTo(e.key, from, items.length, cols, pageRows);
    if (to === null) return;
    e.preventDefault();
    if (to === from) return;
    const part = (target.dataset.part as Part | undefined) ?? 'open';
    const el = findPart(listRef.current, to, part);
    if (el) {
      el.focus();
    } else {
      pendingFocus.current = { index: to, part };
      setPinned(to);
      win.scrollToRow(Math.floor(to / cols));
    }
  };

  const height = Math.max(0, win.totalHeight - (grid ? GRID_GAP : 0)) + 2 * pad;
  // each card's left edge and width, as fractions of the list's inner width
  const inner = `(100% - ${2 * pad + (cols - 1) * GRID_GAP}px)`;

  return (
    <>
      <p id="pub-keys" className="sr-only">
        {t('listKeys')}
      </p>
      <ul
        ref={listRef}
        className={`pub-items ${layout}`}
        aria-label={label}
        aria-describedby="pub-keys"
        style={{ height, ['--pub-bar' as string]: `${box.bar}px` }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const li = (e.target as HTMLElement).closest<HTMLElement>('[data-item]');
          if (li) setPinned(Number(li.dataset.item));
        }}
      >
        {/* one flat, keyed array: an item keeps its element (and focus) whichever rows surround it */}
        {rows.flatMap((row) =>
          Array.from({ length: cols }, (_, c) => {
            const i = row * cols + c;
            if (i >= items.length) return null;
            const m = items[i];
            const top = row * rowHeight + pad;
            const style: CSSProperties = grid
              ? { top, height: cardHeight, left: `calc(${pad}px + ${c} * (${inner} / ${cols} + ${GRID_GAP}px))`, width: `calc(${inner} / ${cols})` }
              : { top, height: rowHeight };
            return (
              <li
                key={m.id}
                data-item={i}
                data-file={m.isfolder ? undefined : m.fileid}
                aria-setsize={items.length}
                aria-posinset={i + 1}
                className={`pub-item ${selected.has(m.id) ? 'selected' : ''}`}
                style={style}
              >
                <Item
                  m={m}
                  thumb={!m.isfolder ? thumbs.get(m.fileid) : undefined}
                  grid={grid}
                  selected={selected.has(m.id)}
                  onToggle={onToggle}
                  to={m.isfolder ? folderHref(m) : fileHref(m)}
                  onDownload={onDownload}
                  busy={busy}
                  t={t}
                />
              </li>
            );
          }),
        )}
      </ul>
    </>
  );
}

function findPart(list: HTMLElement | null, index: number, part: Part): HTMLElement | null {
  const li = list?.querySelector<HTMLElement>(`[data-item="${index}"]`);
  return li?.querySelector<HTMLElement>(`[data-part="${part}"]`) ?? li?.querySelector<HTMLElement>('[data-part="open"]') ?? null;
}

interface ItemProps {
  m: Metadata;
  thumb: string | undefined;
  grid: boolean;
  selected: boolean;
  onToggle: (m: Metadata) => void;
  to: string;
  onDownload: (f: FileMetadata) => void;
  busy: string | null;
  /** The list's messages, read once per list render rather than once per row. */
  t: Translate<typeof pub.messages>;
}

function Item({ m, thumb, grid, selected, onToggle, to, onDownload, busy, t }: ItemProps) {
  return (
    <>
      <input type="checkbox" className="pub-check" data-part="check" checked={selected} onChange={() => onToggle(m)} aria-label={t('selectItem', { name: m.name })} />
      <Link to={to} state={m.isfolder ? undefined : { preview: true }} className="pub-open" data-part="open" aria-label={m.isfolder ? t('openFolder', { name: m.name }) : t('previewItem', { name: m.name })}>
        <span className="pub-thumb">{thumb ? <img src={thumb} alt="" loading="lazy" referrerPolicy="no-referrer" /> : <ItemIcon item={m} size={grid ? 56 : 28} />}</span>
        <span className="pub-name" dir="auto">
          {displayName(m.name)}
        </span>
      </Link>
      <span className="pub-meta muted">{m.isfolder ? describeContents(m.contents ?? []) : t('sizeAndDate', { size: formatBytes(m.size, t.locale), date: formatDate(m.modified, t.locale) })}</span>
      {!m.isfolder && (
        <Button className="pub-dl" icon="download" data-part="download" aria-label={t('downloadItem', { name: m.name })} disabled={busy === `file:${m.fileid}`} onClick={() => onDownload(m)} />
      )}
    </>
  );
}
