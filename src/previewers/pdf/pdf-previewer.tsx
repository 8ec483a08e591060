import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import { countMatches, pageOfMatch, type PageHits } from './find';
import { openPdf, PasswordException, type PDFDocumentProxy } from './load';
import { PdfPage, type PageSize } from './pdf-page';
import { Thumbnails } from './thumbnails';
import '../doc.css';
import './pdf.css';
import { Button } from '../../ui/button';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const GAP = 12;

function usePdf(url: string | undefined) {
  const [state, setState] = useState<{ doc?: PDFDocumentProxy; first?: PageSize; error?: unknown }>({});
  useEffect(() => {
    if (!url) return;
    const task = openPdf(url);
    let live = true;
    task.promise.then(
      async (doc) => {
        const vp = (await doc.getPage(1)).getViewport({ scale: 1 });
        if (live) setState({ doc, first: { width: vp.width, height: vp.height } });
      },
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
      void task.destroy();
    };
  }, [url]);
  return state;
}

/** A PDF drawn page by page as it scrolls, with zoom, fit-to-width, thumbnails, selectable text and find. */
export default function PdfPreviewer({ file, source }: PreviewerProps) {
  const t = useT(previews);
  const url = source.useFileUrl(file);
  const { doc, first, error } = usePdf(url.data);
  if (url.error) return <p className="alert" role="alert">{source.describeError(url.error)}</p>;
  if (error) {
    const message = error instanceof PasswordException ? t('passwordProtected') : t('couldNotRender', { reason: error instanceof Error ? error.message : String(error) });
    return (
      <div className="doc-frame">
        <p className="alert" role="alert">{message}</p>
      </div>
    );
  }
  if (!doc || !first) return <div className="loading" role="status" aria-label={t('loadingDocument')} />;
  return <PdfDocument key={url.data} doc={doc} first={first} name={file.name} />;
}

function PdfDocument({ doc, first, name }: { doc: PDFDocumentProxy; first: PageSize; name: string }) {
  const t = useT(previews);
  const count = doc.numPages;
  // every page is assumed as big as page 1 until it is drawn: nothing but page 1 is read up front
  const [sizes, setSizes] = useState<PageSize[]>(() => Array.from({ length: count }, () => first));
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const [scale, setScale] = useState(1);
  const [fit, setFit] = useState(true);
  const [current, setCurrent] = useState(0);
  const [thumbs, setThumbs] = useState(() => window.innerWidth >= 900);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<{ query: string; hits: PageHits[]; index: number } | null>(null);
  const texts = useRef(new Map<number, string>());

  const onSize = useCallback((index: number, size: PageSize) => {
    setSizes((s) => (s[index].width === size.width && s[index].height === size.height ? s : s.map((old, i) => (i === index ? size : old))));
  }, []);

  // fit to width follows the frame's width
  useEffect(() => {
    if (!body || !fit) return;
    const widest = Math.max(...sizes.map((s) => s.width));
    const apply = () => setScale(Math.max(0.25, (body.clientWidth - 2 * GAP) / widest));
    apply();
    const ro = new ResizeObserver(apply);
    ro.observe(body);
    return () => ro.disconnect();
  }, [body, fit, sizes]);

  const tops = useMemo(() => {
    const out: number[] = [];
    let y = GAP;
    for (const s of sizes) {
      out.push(y);
      y += Math.floor(s.height * scale) + GAP;
    }
    return out;
  }, [sizes, scale]);

  const go = useCallback(
    (index: number) => {
      if (body) body.scrollTop = tops[index] - GAP;
      setCurrent(index);
    },
    [body, tops],
  );

  const onScroll = () => {
    if (!body) return;
    const y = body.scrollTop + body.clientHeight / 3;
    let i = 0;
    while (i + 1 < tops.length && tops[i + 1] <= y) i++;
    setCurrent(i);
  };

  const zoom = (dir: 1 | -1) => {
    setFit(false);
    const next = dir > 0 ? ZOOMS.find((z) => z > scale + 0.01) : [...ZOOMS].reverse().find((z) => z < scale - 0.01);
    setScale(next ?? scale);
  };

  const find = async (dir: 1 | -1) => {
    const q = query.trim();
    if (!q) return setSearch(null);
    if (search && search.query === q) {
      const at = pageOfMatch(search.hits, search.index + dir);
      if (at) {
        setSearch({ ...search, index: at.index });
        go(at.page);
      }
      return;
    }
    const hits: PageHits[] = [];
    for (let i = 0; i < count; i++) {
      let text = texts.current.get(i);
      if (text === undefined) {
        const content = await (await doc.getPage(i + 1)).getTextContent();
        text = content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
        texts.current.set(i, text);
      }
      const n = countMatches(text, q);
      if (n) hits.push({ page: i, count: n });
    }
    setSearch({ query: q, hits, index: 0 });
    if (hits.length) go(hits[0].page);
  };

  const total = search ? search.hits.reduce((n, h) => n + h.count, 0) : 0;
  return (
    <div className="doc-frame pdf-frame">
      <div className="doc-tools" role="toolbar" aria-label={t('pdfToolbar')}>
        <Button aria-pressed={thumbs} onClick={() => setThumbs((v) => !v)} aria-label={t('showThumbnails')} title={t('showThumbnails')}>
          ▤
        </Button>
        <span className="doc-status">{t('pageOf', { page: current + 1, count })}</span>
        <Button onClick={() => zoom(-1)} aria-label={t('zoomOut')} title={t('zoomOut')}>
          −
        </Button>
        <span className="doc-status">{t('zoomLevel', { percent: Math.round(scale * 100) })}</span>
        <Button onClick={() => zoom(1)} aria-label={t('zoomIn')} title={t('zoomIn')}>
          +
        </Button>
        <Button aria-pressed={fit} onClick={() => setFit(true)}>
          {t('fitWidth')}
        </Button>
        <span className="spacer" />
        <form
          className="pdf-find"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void find(1);
          }}
        >
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('find')} placeholder={t('find')} />
          <Button onClick={() => void find(-1)} aria-label={t('findPrevious')} disabled={!total}>
            ↑
          </Button>
          <Button type="submit" aria-label={t('findNext')}>
            ↓
          </Button>
        </form>
        <span className="doc-status" role="status">
          {search ? (total ? t('findPosition', { index: search.index + 1, count: total }) : t('findResult', { count: 0 })) : ''}
        </span>
      </div>
      <div className="pdf-main">
        {thumbs && <Thumbnails doc={doc} sizes={sizes} current={current} onGo={go} />}
        <div className="doc-body pdf-pages" ref={setBody} onScroll={onScroll} tabIndex={0} role="document" aria-label={name}>
          {sizes.map((size, i) => (
            <PdfPage key={i} doc={doc} index={i} scale={scale} size={size} root={body} query={search?.query ?? ''} onSize={onSize} />
          ))}
        </div>
      </div>
    </div>
  );
}
