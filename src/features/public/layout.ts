// Geometry and keyboard moves of the virtualised folder view: pure, so they can be tested without a
// browser's layout.

/** Space around and between grid cards, in CSS pixels. */
export const GRID_PAD = 8;
export const GRID_GAP = 8;
/** Narrowest a grid card gets before a column is dropped. */
export const MIN_CARD = 150;
/** Containers this narrow (a phone) always show two columns, however small. */
export const PHONE_WIDTH = 620;

/** Columns of the grid in a list `width` pixels wide (what `repeat(auto-fill, minmax(150px, 1fr))` gave). */
export function columnsFor(width: number): number {
  if (width <= 0) return 1;
  if (width <= PHONE_WIDTH) return 2;
  return Math.max(1, Math.floor((width - 2 * GRID_PAD + GRID_GAP) / (MIN_CARD + GRID_GAP)));
}

/** Height a card is expected to have before it is measured: a square thumbnail and two text lines. */
export function estimateCardHeight(width: number, cols: number): number {
  const card = (width - 2 * GRID_PAD - (cols - 1) * GRID_GAP) / cols;
  return Math.max(120, Math.round(card + 44));
}

export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageDown' | 'PageUp';

/**
 * The item a key moves to from item `from` of `count` laid out in `cols` columns, with `pageRows`
 * rows on a screen; null when the key is not a move (left/right in a one-column list).
 */
export function moveTo(key: string, from: number, count: number, cols: number, pageRows: number): number | null {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(from + cols);
    case 'ArrowUp':
      return clamp(from - cols);
    case 'ArrowRight':
      return cols > 1 ? clamp(from + 1) : null;
    case 'ArrowLeft':
      return cols > 1 ? clamp(from - 1) : null;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(from + Math.max(1, pageRows) * cols);
    case 'PageUp':
      return clamp(from - Math.max(1, pageRows) * cols);
    default:
      return null;
  }
}
