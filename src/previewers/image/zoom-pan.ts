import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface View {
  scale: number;
  x: number;
  y: number;
  /** Quarter turns clockwise, 0–3. */
  turns: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0, turns: 0 };
const MIN = 1;
const MAX = 8;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Scales the view by `factor` around a point (relative to the stage's centre), the point staying put. */
export function zoomAt(view: View, factor: number, px = 0, py = 0): View {
  const scale = clamp(view.scale * factor, MIN, MAX);
  if (scale === MIN) return { ...view, scale, x: 0, y: 0 };
  const k = scale / view.scale;
  return { ...view, scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

/**
 * Zoom and pan for a picture on a stage: mouse wheel (around the pointer), drag, two-finger pinch,
 * double-click, and keys (+ − 0, arrows pan while zoomed). Pointer events cover mouse, pen and touch.
 */
export function useZoomPan(stage: RefObject<HTMLElement | null>) {
  const [view, setView] = useState<View>(FIT);
  const pointers = useRef(new Map<number, { x: number; y: number }>());

  const centre = useCallback(
    (clientX: number, clientY: number) => {
      const r = stage.current!.getBoundingClientRect();
      return [clientX - r.left - r.width / 2, clientY - r.top - r.height / 2] as const;
    },
    [stage],
  );

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    // a non-passive listener: the page must not scroll (or zoom) while the picture does
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const [px, py] = centre(e.clientX, e.clientY);
      setView((v) => zoomAt(v, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), px, py));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [stage, centre]);

  const handlers = {
    onPointerDown(e: React.PointerEvent) {
      e.currentTarget.setPointerCapture(e.pointerId);
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    },
    onPointerMove(e: React.PointerEvent) {
      const ps = pointers.current;
      const last = ps.get(e.pointerId);
      if (!last) return;
      if (ps.size === 1) {
        const dx = e.clientX - last.x;
        const dy = e.clientY - last.y;
        setView((v) => (v.scale > 1 ? { ...v, x: v.x + dx, y: v.y + dy } : v));
      } else if (ps.size === 2) {
        const other = [...ps.entries()].find(([id]) => id !== e.pointerId)![1];
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
        const [px, py] = centre((e.clientX + other.x) / 2, (e.clientY + other.y) / 2);
        if (before > 0) setView((v) => zoomAt(v, after / before, px, py));
      }
      ps.set(e.pointerId, { x: e.clientX, y: e.clientY });
    },
    onPointerUp(e: React.PointerEvent) {
      pointers.current.delete(e.pointerId);
    },
    onPointerCancel(e: React.PointerEvent) {
      pointers.current.delete(e.pointerId);
    },
    onDoubleClick(e: React.MouseEvent) {
      const [px, py] = centre(e.clientX, e.clientY);
      setView((v) => (v.scale > 1 ? { ...FIT, turns: v.turns } : zoomAt(v, 2.5, px, py)));
    },
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || target?.closest('.dialog, input, select, textarea, video, audio')) return;
      const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
      switch (e.key) {
        case '+':
        case '=':
          setView((v) => zoomAt(v, 1.25));
          break;
        case '-':
          setView((v) => zoomAt(v, 0.8));
          break;
        case '0':
          setView((v) => ({ ...FIT, turns: v.turns }));
          break;
        case 'r':
          setView((v) => ({ ...v, turns: (v.turns + 1) % 4 }));
          break;
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'ArrowUp':
        case 'ArrowDown':
          // at fit size the arrows page the gallery (the viewer's keys)
          if (view.scale === 1) return;
          pan(e.key === 'ArrowLeft' ? 60 : e.key === 'ArrowRight' ? -60 : 0, e.key === 'ArrowUp' ? 60 : e.key === 'ArrowDown' ? -60 : 0);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view.scale]);

  return { view, setView, handlers };
}
