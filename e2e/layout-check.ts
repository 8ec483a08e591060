// Layout checks for any page: nothing wider than the viewport, and no two pieces of text drawn on
// top of each other. Run in the page; returns readable problems (empty when the layout is sound).
import type { Page } from '@playwright/test';

export interface LayoutProblem {
  kind: 'page-scrolls-sideways' | 'text-outside-viewport' | 'text-overlaps';
  detail: string;
}

/**
 * - `document.scrollingElement.scrollWidth` must not exceed `innerWidth` (no sideways scroll);
 * - every visible text (the boxes of its text nodes) must lie inside the viewport horizontally,
 *   unless an ancestor clips it on purpose (overflow hidden/auto/scroll: an ellipsis, a scroller);
 * - no two text boxes of different elements may overlap (1 px of tolerance for rounding).
 * Text under a modal (`aria-hidden` / `inert` siblings of an open dialog) is not checked against it.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: 'page-scrolls-sideways' | 'text-outside-viewport' | 'text-overlaps'; detail: string }[] = [];
    const vw = window.innerWidth;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > vw) problems.push({ kind: 'page-scrolls-sideways', detail: `scrollWidth ${scroller.scrollWidth} > innerWidth ${vw}` });

    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
    };
    const visible = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
        if (e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('inert')) return false;
      }
      return true;
    };
    /** The visible part of `r` once every clipping ancestor of `el` has cut it. */
    const clipped = (el: Element, r: DOMRect) => {
      let { left, right, top, bottom } = r;
      for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clipPath !== 'none' || s.clip !== 'auto') {
          const c = e.getBoundingClientRect();
          if (s.overflowX !== 'visible' || s.clip !== 'auto') {
            left = Math.max(left, c.left);
            right = Math.min(right, c.right);
          }
          if (s.overflowY !== 'visible' || s.clip !== 'auto') {
            top = Math.max(top, c.top);
            bottom = Math.min(bottom, c.bottom);
          }
        }
      }
      return { left, right, top, bottom };
    };

    const boxes: { el: Element; left: number; right: number; top: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript, svg, option, [hidden]')) continue;
      if (!visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        const c = clipped(el, r);
        if (c.right - c.left < 1 || c.bottom - c.top < 1) continue; // clipped away on purpose (ellipsis, scrolled out)
        if (c.right <= 0) continue; // parked left of the screen on purpose (a skip link until focused)
        if (c.left < -1 || c.right > vw + 1) problems.push({ kind: 'text-outside-viewport', detail: `${describe(el)} spans ${Math.round(c.left)}–${Math.round(c.right)} of ${vw}` });
        boxes.push({ el, ...c });
      }
    }
    // text that sits under an open modal is covered by it, not overlapping it
    const layerOf = (el: Element) => el.closest('[role=dialog], [role=alertdialog], [role=menu], [data-radix-popper-content-wrapper]');
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (layerOf(a.el) !== layerOf(b.el)) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) problems.push({ kind: 'text-overlaps', detail: `${describe(a.el)} overlaps ${describe(b.el)} by ${Math.round(w)}×${Math.round(h)}` });
      }
    }
    return problems;
  });
}
