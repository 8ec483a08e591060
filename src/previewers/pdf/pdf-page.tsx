import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import { foldText } from './find';
import { TextLayer, type PDFDocumentProxy } from './load';

export interface PageSize {
  width: number;
  height: number;
}

/** Shows a page's canvas only while it is near the viewport; far pages give their memory back. */
function useNear(ref: React.RefObject<HTMLElement | null>, root: HTMLElement | null): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || !root) return;
    const io = new IntersectionObserver(([e]) => setNear(e.isIntersecting), { root, rootMargin: '50% 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, root]);
  return near;
}

/** Marks the text-layer spans holding the query (the layer is pdf.js's DOM, not React's). */
function markHits(layer: HTMLElement, query: string) {
  const q = foldText(query.trim());
  for (const span of layer.querySelectorAll('span')) {
    span.classList.toggle('pdf-hit', !!q && foldText(span.textContent ?? '').includes(q));
  }
}

/** One page: a sized placeholder, drawn (canvas + selectable text) when it scrolls near. */
export const PdfPage = memo(function PdfPage({
  doc, index, scale, size, root, query, onSize,
}: {
  doc: PDFDocumentProxy;
  index: number;
  scale: number;
  size: PageSize;
  root: HTMLElement | null;
  query: string;
  onSize: (index: number, size: PageSize) => void;
}) {
  const t = useT(previews);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const near = useNear(box, root);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    const holder = text.current;
    if (!near || !c || !holder) return;
    let cancelled = false;
    let task: { cancel(): void } | undefined;
    let layer: TextLayer | undefined;
    void (async () => {
      const page = await doc.getPage(index + 1);
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      if (base.width !== size.width || base.height !== size.height) onSize(index, { width: base.width, height: base.height });
      const viewport = page.getViewport({ scale });
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      c.width = Math.floor(viewport.width * dpr);
      c.height = Math.floor(viewport.height * dpr);
      const render = page.render({ canvas: c, viewport, transform: dpr === 1 ? undefined : [dpr, 0, 0, dpr, 0, 0] });
      task = render;
      await render.promise;
      if (cancelled) return;
      setDrawn(true);
      holder.replaceChildren();
      layer = new TextLayer({ textContentSource: page.streamTextContent(), container: holder, viewport });
      await layer.render();
      if (!cancelled) holder.dispatchEvent(new Event('pdf-text'));
    })().catch(() => {
      // a cancelled render (scrolled away, zoomed) rejects: the next effect draws again
    });
    return () => {
      cancelled = true;
      task?.cancel();
      layer?.cancel();
      // width 0 frees the bitmap of a page that scrolled far away
      c.width = 0;
      holder.replaceChildren();
      setDrawn(false);
    };
    // size is read only to report a different one: redrawing for it would loop
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [near, doc, index, scale, onSize]);

  useEffect(() => {
    const holder = text.current;
    if (!holder) return;
    markHits(holder, query);
    const again = () => markHits(holder, query);
    holder.addEventListener('pdf-text', again);
    return () => holder.removeEventListener('pdf-text', again);
  }, [query]);

  const style = {
    width: `${Math.floor(size.width * scale)}px`,
    height: `${Math.floor(size.height * scale)}px`,
    '--scale-factor': scale,
    '--total-scale-factor': scale,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as React.CSSProperties;
  return (
    <div ref={box} className="pdf-page" data-page={index + 1} style={style} role="region" aria-label={t('pageLabel', { page: index + 1 })} aria-busy={!drawn}>
      <canvas ref={canvas} className="pdf-canvas" aria-hidden="true" />
      <div ref={text} className="textLayer" />
    </div>
  );
});
