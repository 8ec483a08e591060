import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import type { PDFDocumentProxy } from './load';
import type { PageSize } from './pdf-page';

const WIDTH = 112;

/** A thumbnail drawn once it scrolls into the side bar's view. */
const Thumb = memo(function Thumb({ doc, index, size, current, root, onGo }: { doc: PDFDocumentProxy; index: number; size: PageSize; current: boolean; root: HTMLElement | null; onGo: (index: number) => void }) {
  const t = useT(previews);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el || !root || seen) return;
    const io = new IntersectionObserver(([e]) => e.isIntersecting && setSeen(true), { root, rootMargin: '200px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [root, seen]);
  useEffect(() => {
    if (!seen) return;
    let task: { cancel(): void } | undefined;
    void (async () => {
      const page = await doc.getPage(index + 1);
      const viewport = page.getViewport({ scale: WIDTH / page.getViewport({ scale: 1 }).width });
      const c = canvas.current;
      if (!c) return;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      task = page.render({ canvas: c, viewport });
      await (task as unknown as { promise: Promise<void> }).promise;
    })().catch(() => {
      // cancelled on unmount
    });
    return () => task?.cancel();
  }, [seen, doc, index]);
  return (
    <li>
      <button className={`pdf-thumb ${current ? 'current' : ''}`} aria-current={current ? 'page' : undefined} aria-label={t('goToPage', { page: index + 1 })} onClick={() => onGo(index)}>
        <canvas ref={canvas} style={{ width: WIDTH, height: Math.round((WIDTH * size.height) / size.width) }} aria-hidden="true" />
        <span aria-hidden="true">{index + 1}</span>
      </button>
    </li>
  );
});

export function Thumbnails({ doc, sizes, current, onGo }: { doc: PDFDocumentProxy; sizes: readonly PageSize[]; current: number; onGo: (index: number) => void }) {
  const t = useT(previews);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  return (
    <nav className="pdf-thumbs" aria-label={t('thumbnails')} ref={setRoot}>
      <ol>
        {sizes.map((size, i) => (
          <Thumb key={i} doc={doc} index={i} size={size} current={i === current} root={root} onGo={onGo} />
        ))}
      </ol>
    </nav>
  );
}
