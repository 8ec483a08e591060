import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Above this many lines only the rows on screen are in the DOM. */
const VIRTUAL_FROM = 400;
const ROW = 20;

/**
 * Numbered lines. `html` lines come from highlight.js (escaped by it); plain lines are text nodes,
 * so markup in a file is never parsed.
 */
export function CodeLines({ lines, html, wrap, label }: { lines: readonly string[]; html: boolean; wrap: boolean; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = lines.length > VIRTUAL_FROM;
  const v = useVirtualizer({ count: virtual ? lines.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const digits = String(lines.length).length;
  const row = (i: number, extra?: React.HTMLAttributes<HTMLDivElement> & { ref?: (el: HTMLDivElement | null) => void; 'data-index'?: number }) => (
    <div className="code-line" key={i} {...extra}>
      <span className="code-ln" aria-hidden="true">
        {i + 1}
      </span>
      {html ? <code dangerouslySetInnerHTML={{ __html: lines[i] || ' ' }} /> : <code>{lines[i] || ' '}</code>}
    </div>
  );
  return (
    <div ref={scroller} className={`doc-body code-view hljs ${wrap ? 'wrap' : ''}`} style={{ '--ln-digits': digits } as React.CSSProperties} role="document" aria-label={label} tabIndex={0}>
      {virtual ? (
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) =>
            row(item.index, {
              ref: v.measureElement,
              'data-index': item.index,
              style: { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` },
            }),
          )}
        </div>
      ) : (
        lines.map((_, i) => row(i))
      )}
    </div>
  );
}
